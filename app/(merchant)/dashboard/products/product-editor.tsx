"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { EntitlementAccessCheck } from "@/lib/products/check-product-access";
import { checkAccessAction, saveProductAction, setActiveAction } from "./actions";
import { EntitlementRows, type EntitlementDraft } from "./entitlement-rows";
import { PaymentFields, type PaymentDraft } from "./payment-fields";

export interface ProductDraft extends PaymentDraft {
  id?: string;
  name: string;
  slug: string;
  description: string;
  price: string;
  currency: string;
  active: boolean;
  entitlements: EntitlementDraft[];
}

const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);

const rowsForServer = (rows: EntitlementDraft[]) =>
  JSON.stringify(rows.map(({ key: _key, ...row }) => row));

export function ProductEditor({ initial }: { initial: ProductDraft }) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [slugTouched, setSlugTouched] = useState(Boolean(initial.id));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [checks, setChecks] = useState<EntitlementAccessCheck[] | null>(null);
  const [saving, startSaving] = useTransition();
  const [checking, startChecking] = useTransition();
  const [activating, startActivating] = useTransition();

  const set = (patch: Partial<ProductDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const fields = () => {
    const data = new FormData();
    if (draft.id) data.set("id", draft.id);
    for (const key of [
      "name",
      "slug",
      "description",
      "price",
      "currency",
      "paymentLink",
      "paymentProvider",
      "providerProductRef",
      "providerAmount",
    ] as const) {
      data.set(key, draft[key]);
    }
    data.set("revokeOnPartialRefund", String(draft.revokeOnPartialRefund));
    data.set("entitlements", rowsForServer(draft.entitlements));
    return data;
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    startSaving(async () => {
      const result = await saveProductAction(null, fields());
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setFormError(result.error);
        return;
      }
      setErrors({});
      setFormError(null);
      toast.success(draft.id ? "Saved." : "Created, off sale. Check access, then put it on sale.");
      if (!draft.id) router.push(`/dashboard/products/${result.data.productId}`);
      else router.refresh();
    });
  };

  const check = () =>
    startChecking(async () => {
      const data = new FormData();
      data.set("entitlements", rowsForServer(draft.entitlements));
      const result = await checkAccessAction(null, data);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.error);
        return;
      }
      setErrors({});
      setChecks(result.data.checks);
    });

  const toggleSale = () =>
    startActivating(async () => {
      const data = new FormData();
      data.set("productId", draft.id!);
      data.set("active", String(!draft.active));
      const result = await setActiveAction(null, data);
      if (!result.ok) {
        setFormError(result.error);
        toast.error("Not put on sale: a sale would fail. See why below each row.");
        // Show the verdicts that refused it, row by row.
        check();
        return;
      }
      setFormError(null);
      set({ active: !draft.active });
      if (result.data.checks.length) setChecks(result.data.checks);
      toast.success(result.data.message);
      router.refresh();
    });

  return (
    <form
      onSubmit={save}
      noValidate
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      {formError ? (
        <p
          role="alert"
          className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900"
        >
          {formError}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label="Name" errors={errors.name}>
          <input
            id="name"
            className={inputClass}
            value={draft.name}
            onChange={(e) =>
              set({
                name: e.target.value,
                ...(slugTouched ? {} : { slug: slugify(e.target.value) }),
              })
            }
            {...describedBy("name", errors.name)}
          />
        </Field>
        <Field
          id="slug"
          label="Slug"
          hint="The product's address: /products/<slug>"
          errors={errors.slug}
        >
          <input
            id="slug"
            className={inputClass}
            value={draft.slug}
            onChange={(e) => {
              setSlugTouched(true);
              set({ slug: e.target.value });
            }}
            {...describedBy("slug", errors.slug, true)}
          />
        </Field>
        <Field id="price" label="Price" errors={errors.price}>
          <input
            id="price"
            inputMode="decimal"
            className={inputClass}
            value={draft.price}
            onChange={(e) => set({ price: e.target.value })}
            {...describedBy("price", errors.price)}
          />
        </Field>
        <Field id="currency" label="Currency" errors={errors.currency}>
          <input
            id="currency"
            className={inputClass}
            value={draft.currency}
            maxLength={3}
            onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
            {...describedBy("currency", errors.currency)}
          />
        </Field>
        <Field
          id="description"
          label="Description"
          errors={errors.description}
          className="sm:col-span-2"
        >
          <textarea
            id="description"
            rows={3}
            className={inputClass}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
            {...describedBy("description", errors.description)}
          />
        </Field>
      </div>
      <PaymentFields draft={draft} onChange={set} errors={errors} />
      <EntitlementRows
        rows={draft.entitlements}
        onChange={(entitlements) => {
          set({ entitlements });
          setChecks(null);
        }}
        errors={errors}
        checks={checks}
      />
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-4">
        <Button type="submit" pending={saving}>
          {draft.id ? "Save" : "Create product"}
        </Button>
        <Button variant="secondary" pending={checking} onClick={check}>
          Check access
        </Button>
        {draft.id ? (
          <Button variant="secondary" pending={activating} onClick={toggleSale}>
            {draft.active ? "Take off sale" : "Put on sale"}
          </Button>
        ) : null}
        <span className="text-sm text-slate-600">
          {draft.id
            ? draft.active
              ? "On sale."
              : "Off sale: buyers cannot find it yet."
            : "New products start off sale."}
        </span>
      </div>
    </form>
  );
}
