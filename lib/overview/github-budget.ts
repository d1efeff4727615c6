import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { entitlements, products } from "../db/schema";
import type { Database } from "../db/types";
import { readRateLimit, type RateLimit } from "../github/rate-limit";
import type { AccessChecker } from "../products/check-product-access";
import { ConfigError } from "../config-error";

/**
 * The hourly request budget left to our credentials, read through a repository on sale (with a
 * GitHub App, each installation has its own budget: this is the first product's).
 */
export async function readGithubBudget(
  db: Database,
  provider: AccessChecker,
): Promise<{ ok: true; value: RateLimit } | { ok: false; reason: string }> {
  const [repo] = await db
    .select({ owner: entitlements.owner, repo: entitlements.repo })
    .from(entitlements)
    .innerJoin(products, eq(products.id, entitlements.productId))
    .where(
      and(
        eq(entitlements.kind, "github_repo"),
        eq(products.active, true),
        isNull(products.archivedAt),
      ),
    )
    .orderBy(asc(products.name), asc(entitlements.position))
    .limit(1);
  if (!repo?.owner || !repo.repo) {
    return { ok: false, reason: "Shown once a product selling a repository is on sale." };
  }
  let github;
  try {
    github = provider();
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, reason: error.message };
    throw error;
  }
  const target = { owner: repo.owner, repo: repo.repo };
  const client = await github.clientFor(target);
  if (!client.ok) return { ok: false, reason: `${client.error.message} ${client.error.fix}` };
  const read = await readRateLimit(client.value, target);
  if (!read.ok) return { ok: false, reason: `GitHub could not be asked: ${read.error.message}` };
  if (!read.value) return { ok: false, reason: "GitHub did not report a request budget." };
  return { ok: true, value: read.value };
}
