import { expect, it } from "vitest";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { describeEachDatabase } from "../../test/support/database";
import { tokenProvider } from "../github";
import { emulatorClient } from "../../test/support/emulator-client";
import { repoProduct } from "../../test/support/fulfillment-fixtures";
import { readGithubBudget } from "./github-budget";
import { checkActiveProducts } from "./products-health";
import { ConfigError } from "../config-error";

const github = useGithubEmulator();
const provider = () => tokenProvider(emulatorClient(github()));

describeEachDatabase("GitHub health on the overview", (database) => {
  it("waits for a product on sale, then reads the budget from GitHub's answer", async () => {
    const db = database.db();
    expect(await readGithubBudget(db, provider)).toEqual({
      ok: false,
      reason: "Shown once a product selling a repository is on sale.",
    });
    await repoProduct(db, { slug: "on-sale" });
    const budget = await readGithubBudget(db, provider);
    expect(budget.ok).toBe(true);
    const value = (budget as { value: { limit: number; remaining: number } }).value;
    expect(value.limit).toBeGreaterThan(0);
    expect(value.remaining).toBeLessThan(value.limit);

    const missing = await readGithubBudget(db, () => {
      throw new ConfigError("GITHUB_TOKEN is not set");
    });
    expect(missing).toEqual({ ok: false, reason: "GITHUB_TOKEN is not set" });
  });

  it("checks each product on sale with GitHub", async () => {
    const db = database.db();
    await repoProduct(db, { slug: "gone", owner: "acme", repo: "deleted" });
    const checked = await checkActiveProducts(db, provider);
    const byTarget = Object.fromEntries(
      checked.flatMap((product) => product.checks.map((check) => [check.target, check.verdict])),
    );
    expect(byTarget).toEqual({ "acme/toolkit": "unverified", "acme/deleted": "problem" });
  });
});
