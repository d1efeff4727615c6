import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { accessTarget, describeAccess, targetName } from "@/lib/grants/describe-access";
import { describeGrantStatus } from "@/lib/grants/describe-grant-status";
import type { GrantNeedingAttention } from "@/lib/overview/needs-attention";
import { RetryAllButton, RetryGrantButton } from "./attention-buttons";

/**
 * Failed and long-waiting grants, grouped by repository or team: each with what went wrong in
 * words, the fix, and the one-click retry for when the fix is in place.
 */
export function NeedsAttention({ grants }: { grants: GrantNeedingAttention[] }) {
  const groups = new Map<string, GrantNeedingAttention[]>();
  for (const grant of grants) {
    const key = targetName(accessTarget(grant));
    groups.set(key, [...(groups.get(key) ?? []), grant]);
  }
  return (
    <section
      aria-labelledby="attention"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="attention" className="font-semibold">
        Needs attention
      </h2>
      {grants.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          Nothing is stuck: every grant is delivered or on its way.
        </p>
      ) : (
        <div className="mt-3 space-y-4">
          {[...groups].map(([name, items]) => {
            const target = accessTarget(items[0]!);
            const retryable = items.filter((g) => g.status === "failed" || g.status === "queued");
            return (
              <div key={name} className="rounded-md border border-slate-200">
                <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 bg-slate-50 px-3 py-2">
                  <h3 className="text-sm font-medium">{name}</h3>
                  {retryable.length > 0 ? (
                    <RetryAllButton
                      scope={
                        target.kind === "github_repo"
                          ? { owner: target.owner, repo: target.repo }
                          : { org: target.org, teamSlug: target.teamSlug }
                      }
                      label={`Retry all failed for this ${target.kind === "github_repo" ? "repository" : "team"}`}
                    />
                  ) : null}
                </div>
                <ul className="divide-y divide-slate-100">
                  {items.map((grant) => {
                    const words = describeGrantStatus(grant, "merchant");
                    return (
                      <li key={grant.id} className="space-y-1 px-3 py-2 text-sm">
                        <div className="flex flex-wrap items-center gap-2">
                          <StatusBadge tone={words.tone} label={words.label} />
                          <span className="font-medium">
                            {grant.githubLogin ? `@${grant.githubLogin}` : "Buyer without GitHub"}
                          </span>
                          <Link
                            href={`/dashboard/orders/${grant.orderId}`}
                            className="text-sky-800 hover:underline"
                          >
                            Order {grant.orderId.slice(0, 10)}
                          </Link>
                        </div>
                        <p className="text-slate-700">
                          {words.sentence}{" "}
                          <span className="sr-only">({describeAccess(accessTarget(grant))})</span>
                        </p>
                        {words.fix ? (
                          <p className="text-rose-800">
                            <span className="font-medium">Fix: </span>
                            {words.fix}
                          </p>
                        ) : null}
                        {words.nextStep?.kind === "retry_now" ? (
                          <RetryGrantButton grantId={grant.id} />
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
