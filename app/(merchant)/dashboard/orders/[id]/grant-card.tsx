import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { accessTarget, describeAccess } from "@/lib/grants/describe-access";
import { describeGrantEvent } from "@/lib/grants/describe-grant-event";
import { describeGrantStatus } from "@/lib/grants/describe-grant-status";
import type { OrderDetailGrant } from "@/lib/orders/get-order-detail";
import { GrantActions, type GrantActionName } from "./grant-actions";

/** Which buttons a grant offers, from its state: only what would do something. */
function actionsFor(grant: OrderDetailGrant): GrantActionName[] {
  if (grant.revokeRequestedAt || grant.status === "revoked") return [];
  const actions: GrantActionName[] = [];
  if (grant.status === "failed" || (grant.status === "queued" && grant.lastError)) {
    actions.push("retry");
  }
  if (["invited", "expired", "declined"].includes(grant.status)) actions.push("resend");
  actions.push("revoke");
  return actions;
}

export function GrantCard({ orderId, grant }: { orderId: string; grant: OrderDetailGrant }) {
  const words = describeGrantStatus(grant, "merchant");
  const access = describeAccess(accessTarget(grant));
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby={`grant-${grant.id}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={`grant-${grant.id}`} className="font-medium first-letter:uppercase">
            {access}
          </h3>
          <p className="mt-1 text-sm text-slate-700" data-testid="grant-sentence">
            {words.sentence}
            {words.time ? (
              <>
                {" "}
                <RelativeTime at={words.time.at} prefix={`(${words.time.prefix}`} />)
              </>
            ) : null}
          </p>
          {words.fix ? (
            <p className="mt-1 text-sm text-rose-800">
              <span className="font-medium">Fix: </span>
              {words.fix}
            </p>
          ) : null}
        </div>
        <span data-testid="grant-status">
          <StatusBadge tone={words.tone} label={words.label} />
        </span>
      </div>
      <GrantActions orderId={orderId} grantId={grant.id} actions={actionsFor(grant)} />
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-slate-600 hover:text-slate-900">
          Timeline ({grant.events.length} {grant.events.length === 1 ? "event" : "events"})
        </summary>
        <ol className="mt-2 space-y-2 border-l border-slate-200 pl-4">
          {grant.events.map((event) => {
            const described = describeGrantEvent(event);
            return (
              <li key={event.id}>
                <p>
                  <span className="font-medium">{described.title}</span> ·{" "}
                  <span className="text-slate-500">
                    <RelativeTime at={event.at} />
                  </span>
                </p>
                {described.github ? (
                  <p className="break-all font-mono text-xs text-slate-600">{described.github}</p>
                ) : null}
                {described.explanation ? (
                  <p className="text-slate-600">{described.explanation}</p>
                ) : null}
              </li>
            );
          })}
        </ol>
      </details>
    </article>
  );
}
