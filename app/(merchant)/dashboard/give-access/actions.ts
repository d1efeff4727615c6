"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { merchantAction } from "@/lib/auth/actions";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { configuredGithubProvider } from "@/lib/fulfillment/github-adapter";
import { wakeFulfillment } from "@/lib/fulfillment/worker";
import { giveAccess, MAX_LOGINS_PER_REQUEST, parseLoginList } from "@/lib/orders/give-access";
import { ConfigError } from "@/lib/config-error";

const input = z.object({
  productId: z.uuid("Choose a product."),
  logins: z
    .string()
    .max(10_000)
    .transform(parseLoginList)
    .pipe(
      z
        .array(z.string())
        .min(1, "Enter at least one GitHub login.")
        .max(MAX_LOGINS_PER_REQUEST, `At most ${MAX_LOGINS_PER_REQUEST} logins at a time.`),
    ),
});

/** "Give access": a paid manual order per GitHub login, each checked with GitHub first. */
export const giveAccessAction = merchantAction(input, async ({ productId, logins }, { now }) => {
  let github;
  try {
    github = configuredGithubProvider(getConfig());
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error: error.message };
    throw error;
  }
  const result = await giveAccess(await getDb(), github, { productId, logins }, now);
  if (!result.ok) return result;
  if (result.reports.some((report) => report.outcome === "given")) {
    after(() => wakeFulfillment());
    revalidatePath("/dashboard", "layout");
  }
  return { ok: true, data: { reports: result.reports } };
});
