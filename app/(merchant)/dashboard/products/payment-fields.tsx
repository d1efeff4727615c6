"use client";

import { describedBy, Field, inputClass } from "@/components/ui/field";
import { PAYMENT_PROVIDERS, type PaymentProvider } from "@/lib/db/status-values";
import { PAYMENT_LINKS } from "@/lib/payments/payment-links";

export interface PaymentDraft {
  paymentProvider: PaymentProvider | "";
  paymentLink: string;
  providerProductRef: string;
  providerAmount: string;
  revokeOnPartialRefund: boolean;
}

/** How the product is paid: the provider, its link, and what its payments must say. */
export function PaymentFields({
  draft,
  onChange,
  errors,
}: {
  draft: PaymentDraft;
  onChange: (patch: Partial<PaymentDraft>) => void;
  errors: Record<string, string[]>;
}) {
  const provider = draft.paymentProvider ? PAYMENT_LINKS[draft.paymentProvider] : null;
  return (
    <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-2">
      <legend className="px-1 text-sm font-semibold">Payment</legend>
      <Field
        id="paymentProvider"
        label="Payment provider"
        hint="Its webhook pays the order; see Payments for the URL to paste."
        errors={errors.paymentProvider}
      >
        <select
          id="paymentProvider"
          className={inputClass}
          value={draft.paymentProvider}
          onChange={(e) => onChange({ paymentProvider: e.target.value as PaymentProvider | "" })}
          {...describedBy("paymentProvider", errors.paymentProvider, true)}
        >
          <option value="">Other (order webhook)</option>
          {PAYMENT_PROVIDERS.map((id) => (
            <option key={id} value={id}>
              {PAYMENT_LINKS[id].name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="providerAmount"
        label="Least amount paid (optional)"
        hint="A payment for less invites nobody. Blank: the price above."
        errors={errors.providerAmount}
      >
        <input
          id="providerAmount"
          inputMode="decimal"
          className={inputClass}
          value={draft.providerAmount}
          onChange={(e) => onChange({ providerAmount: e.target.value })}
          {...describedBy("providerAmount", errors.providerAmount, true)}
        />
      </Field>
      <Field
        id="paymentLink"
        label="Payment link (optional)"
        hint={
          provider ? (
            <>
              Must carry <code>{provider.placeholder}</code>, e.g. {provider.example}
            </>
          ) : (
            <>
              Where “Buy” sends the buyer. Put <code>{"{orderId}"}</code> where the order’s id goes,
              e.g. https://buy.example.com/p?ref={"{orderId}"}.
            </>
          )
        }
        errors={errors.paymentLink}
        className="sm:col-span-2"
      >
        <input
          id="paymentLink"
          type="url"
          className={inputClass}
          value={draft.paymentLink}
          onChange={(e) => onChange({ paymentLink: e.target.value })}
          {...describedBy("paymentLink", errors.paymentLink, true)}
        />
      </Field>
      {provider ? (
        <Field
          id="providerProductRef"
          label={`${provider.productRef} (optional)`}
          hint="A payment that names another product invites nobody. Blank: not checked."
          errors={errors.providerProductRef}
        >
          <input
            id="providerProductRef"
            className={inputClass}
            value={draft.providerProductRef}
            onChange={(e) => onChange({ providerProductRef: e.target.value })}
            {...describedBy("providerProductRef", errors.providerProductRef, true)}
          />
        </Field>
      ) : null}
      <label className="flex items-start gap-2 self-end text-sm sm:col-span-2">
        <input
          type="checkbox"
          className="mt-1"
          checked={draft.revokeOnPartialRefund}
          onChange={(e) => onChange({ revokeOnPartialRefund: e.target.checked })}
        />
        <span>
          A partial refund takes the access away
          <span className="block text-xs text-slate-500">
            A full refund or a dispute always does; a partial one keeps access unless this is on.
          </span>
        </span>
      </label>
    </fieldset>
  );
}
