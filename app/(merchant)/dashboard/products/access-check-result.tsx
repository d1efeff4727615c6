import { StatusBadge } from "@/components/ui/status-badge";
import type { EntitlementAccessCheck } from "@/lib/products/check-product-access";

const VERDICTS = {
  ok: { tone: "success", label: "Ready to sell" },
  unverified: { tone: "waiting", label: "Probably fine" },
  warning: { tone: "waiting", label: "Works, with a catch" },
  problem: { tone: "problem", label: "A sale would fail" },
} as const;

const OUTCOME_WORDS = {
  ok: "OK",
  unverified: "Not checkable",
  warning: "Note",
  problem: "Problem",
};

/** One row's "Check access" verdict: each check in words, with the fix when there is one. */
export function AccessCheckResult({ result }: { result: EntitlementAccessCheck }) {
  return (
    <div
      className="mt-3 rounded-md border border-slate-200 bg-white p-3 text-sm"
      data-testid="access-check"
      aria-live="polite"
    >
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge {...VERDICTS[result.verdict]} />
        <span className="text-slate-700 first-letter:uppercase">{result.access}</span>
      </p>
      <ul className="mt-2 space-y-1.5">
        {result.checks.map((check, index) => (
          <li key={index}>
            <span className="font-medium">{OUTCOME_WORDS[check.outcome]}: </span>
            {check.message}
            {check.outcome !== "ok" && check.fix ? (
              <span className="block text-slate-600">→ {check.fix}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
