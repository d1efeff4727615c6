import { RelativeTime } from "@/components/ui/relative-time";
import type { AccessAudit } from "@/lib/fulfillment/audit/run-access-audit";
import {
  describeFinding,
  describeTarget,
  summarizeAudit,
} from "@/lib/fulfillment/audit/describe-audit";
import { RunAccessAuditButton } from "./access-audit-button";

/**
 * The last access audit: when, who ran it, and per sold repository or team what it found and
 * did, in words; with the button that runs one now.
 */
export function AccessAuditSection({
  audit,
  className,
}: {
  audit: AccessAudit | null;
  className: string;
}) {
  return (
    <section aria-labelledby="audit" className={className}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="audit" className="font-semibold">
            Access audit
          </h2>
          <p className="mt-1 max-w-prose text-sm text-slate-600">
            Compares every sold repository and team with GitHub, every hour: removes access whose
            orders were all refunded or revoked, and corrects purchases GitHub no longer matches.
            People you added on GitHub yourself are never touched.
          </p>
        </div>
        <RunAccessAuditButton />
      </div>
      {audit === null ? (
        <p className="mt-3 text-sm text-slate-600">No audit has run yet.</p>
      ) : (
        <div className="mt-3 space-y-3 text-sm">
          <p>
            <span className="font-medium">
              Last audit <RelativeTime at={audit.finishedAt} />
              {audit.trigger === "merchant" ? ", run from this dashboard" : ", on schedule"}.
            </span>{" "}
            {summarizeAudit(audit)}
          </p>
          <ul className="space-y-2">
            {audit.targets.map((target) => (
              <li
                key={`${target.kind}:${target.target}`}
                className="rounded-md bg-slate-50 px-3 py-2"
              >
                <p>
                  <span className="font-medium">
                    {target.kind === "github_team" ? "Team " : ""}
                    {target.target}
                  </span>{" "}
                  <span className="text-slate-700">{describeTarget(target)}</span>
                </p>
                {target.findings.length > 0 && (
                  <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700">
                    {target.findings.map((finding, i) => (
                      <li key={i}>{describeFinding(finding)}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
