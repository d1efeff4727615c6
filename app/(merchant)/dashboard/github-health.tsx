import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { configuredGithubProvider } from "@/lib/fulfillment/github-adapter";
import { readGithubBudget } from "@/lib/overview/github-budget";
import { checkActiveProducts } from "@/lib/overview/products-health";

/** The remaining hourly GitHub budget of our credentials (streamed: it asks GitHub). */
export async function RateLimitCard() {
  const budget = await readGithubBudget(await getDb(), () => configuredGithubProvider(getConfig()));
  if (!budget.ok) return <p className="mt-2 text-sm text-slate-600">{budget.reason}</p>;
  const { limit, remaining, resetAt } = budget.value;
  return (
    <div className="mt-2 text-sm">
      <p>
        <span className="text-2xl font-semibold tabular-nums">
          {remaining.toLocaleString("en-US")}
        </span>{" "}
        of {limit.toLocaleString("en-US")} requests left this hour.
      </p>
      <p className="text-slate-600">
        The budget refills <RelativeTime at={resetAt} />.
      </p>
    </div>
  );
}

/** Whether our credentials can administer each product on sale (streamed: it asks GitHub). */
export async function ProductsHealth() {
  const products = await checkActiveProducts(await getDb(), () =>
    configuredGithubProvider(getConfig()),
  );
  if (products.length === 0) {
    return (
      <p className="mt-3 text-sm text-slate-600">
        No product is on sale, so nothing to check with GitHub.
      </p>
    );
  }
  return (
    <ul className="mt-4 space-y-2 border-t border-slate-100 pt-3 text-sm">
      {products.map((product) => (
        <li key={product.id}>
          <p className="font-medium">{product.name}</p>
          <ul className="mt-1 space-y-1">
            {product.checks.map((check) => {
              const problems = check.checks.filter((c) => c.outcome !== "ok");
              return (
                <li key={check.target} className="flex flex-col gap-1 sm:flex-row sm:gap-3">
                  <span className="sm:w-36 sm:shrink-0">
                    <StatusBadge
                      tone={
                        check.verdict === "ok"
                          ? "success"
                          : check.verdict === "problem"
                            ? "problem"
                            : "waiting"
                      }
                      label={check.target}
                    />
                  </span>
                  <span className="text-slate-700">
                    {problems.length === 0
                      ? "Our credentials can give this access."
                      : problems
                          .map((c) => `${c.message} ${c.outcome === "problem" ? c.fix : ""}`)
                          .join(" ")}
                  </span>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
