import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { EMULATOR_START, useGithubEmulator } from "@/test/support/github-emulator";
import { grants, orders } from "../db/schema";
import { describeEachDatabase } from "../../test/support/database";
import { runFulfillment } from "../fulfillment/run-fulfillment";
import { tokenProvider } from "../github";
import { emulatorClient } from "../../test/support/emulator-client";
import { engineAgainst, repoProduct } from "../../test/support/fulfillment-fixtures";
import { giveAccess, parseLoginList } from "./give-access";

const github = useGithubEmulator();
// The engine runs on the emulator's frozen clock; the manual order is placed at that moment.
const now = new Date(EMULATOR_START);

it("reads a pasted list: one entry per login, @ and separators dropped, in order", () => {
  expect(parseLoginList("@hubot, octocat\nHubot;  acme-member\t\n")).toEqual([
    "hubot",
    "octocat",
    "acme-member",
  ]);
});

describeEachDatabase("giving access by hand", (database) => {
  it("checks each login with GitHub, records a paid manual order and the engine invites", async () => {
    const db = database.db();
    const product = await repoProduct(db, { slug: "comp" });
    const provider = tokenProvider(emulatorClient(github()));
    const result = await giveAccess(
      db,
      provider,
      { productId: product.id, logins: ["HUBOT", "no-such-person", "acme", "bad login!"] },
      now,
    );
    expect(result).toEqual({
      ok: true,
      reports: [
        { login: "hubot", outcome: "given", orderId: expect.any(String) as unknown },
        {
          login: "no-such-person",
          outcome: "refused",
          reason: "GitHub has no account with this login",
        },
        { login: "acme", outcome: "refused", reason: "is an organization, not a person" },
        { login: "bad login!", outcome: "refused", reason: "is not a GitHub login" },
      ],
    });
    const orderId = (result as unknown as { reports: [{ orderId: string }] }).reports[0].orderId;
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(order).toMatchObject({
      source: "manual",
      status: "paid",
      paidAt: now,
      externalId: null,
    });

    const { github: engine, settings } = engineAgainst(github());
    await runFulfillment(db, engine, settings);
    const [grant] = await db.select().from(grants).where(eq(grants.orderId, orderId));
    expect(grant).toMatchObject({ status: "invited", githubLogin: "hubot" });

    // Giving the same access again is reported, not duplicated.
    const again = await giveAccess(db, provider, { productId: product.id, logins: ["hubot"] }, now);
    expect(again).toEqual({
      ok: true,
      reports: [
        {
          login: "hubot",
          outcome: "skipped",
          reason: "already has a paid order for this product",
          orderId,
        },
      ],
    });
  });
});
