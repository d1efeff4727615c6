import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { grants, orders, paymentMismatches, products, webhookRejections } from "../db/schema";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import { signedInBuyer } from "@/test/support/buyer-fixtures";
import { PROVIDER_SECRETS, signedProviderRequest } from "@/test/support/sign-payment-event";
import { PAYMENT_PROVIDERS, type PaymentProvider } from "../payments/payment-event";
import { sampleEventBody, type SampleEvent, type SamplePayment } from "../payments/sample-events";
import { createProduct } from "../products/create-product";
import { receivePaymentWebhook } from "./receive-payment-webhook";

const NOW = new Date("2026-11-29T12:00:00Z");
const ORDER_ID = "Zk3n8Qp1Vb7Yx2Lm4Rt6Wa";

/** Each provider's own kind of ids: payment link / variant / product, and payment id. */
const IDS: Record<
  PaymentProvider,
  { product: string; cheap: string; payment: string; other: string }
> = {
  stripe: {
    product: "plink_toolkit",
    cheap: "plink_stickers",
    payment: "pi_3Toolkit",
    other: "pi_3Other",
  },
  lemonsqueezy: { product: "4901", cheap: "501", payment: "700001", other: "700002" },
  polar: {
    product: "8f3e1c2a-1b2c-4d5e-8f90-a1b2c3d4e5f6",
    cheap: "0b0c0d0e-1b2c-4d5e-8f90-a1b2c3d4e5f6",
    payment: "2f0b8d8e-7c1a-4d62-9a57-0b3c4d5e6f70",
    other: "3a1c9e9f-7c1a-4d62-9a57-0b3c4d5e6f70",
  },
};

describeEachDatabase("provider payment webhooks", (database) => {
  for (const provider of PAYMENT_PROVIDERS) {
    describe(provider, () => {
      const ids = IDS[provider];
      let eventSeq = 0;
      const payment = (overrides: Partial<SamplePayment> = {}): SamplePayment => ({
        orderRef: ORDER_ID,
        paymentId: ids.payment,
        productRef: ids.product,
        amount: { minor: 4900, currency: "USD" },
        email: "octo@example.test",
        at: NOW,
        ...overrides,
      });
      /** A fresh event (its own id) about `sample`, as the provider would send it. */
      const body = (sample: SamplePayment, event: SampleEvent) => {
        eventSeq += 1;
        const raw = sampleEventBody(provider, `evt_${eventSeq}`, sample, event);
        // Lemon Squeezy's event id comes from the body: a later event has a later updated_at.
        return raw.replaceAll(
          NOW.toISOString(),
          new Date(NOW.getTime() + eventSeq * 1000).toISOString(),
        );
      };
      const send = (
        raw: string,
        options: {
          at?: Date;
          secret?: string;
          secrets?: string[];
          deliveryId?: string;
          keyMode?: "raw";
        } = {},
      ) =>
        receivePaymentWebhook(
          database.db(),
          signedProviderRequest(provider, raw, { at: options.at ?? NOW, ...options }),
          { provider, secrets: options.secrets ?? [PROVIDER_SECRETS[provider]], now: NOW },
        );
      const order = async () =>
        (await database.db().select().from(orders).where(eq(orders.id, ORDER_ID)))[0]!;
      const orderGrants = () =>
        database.db().select().from(grants).where(eq(grants.orderId, ORDER_ID));

      beforeEach(async () => {
        const db = database.db();
        await truncateAll(db);
        const toolkit = await createProduct(db, {
          slug: "toolkit",
          name: "Toolkit",
          priceCents: 4900,
          paymentProvider: provider,
          providerProductRef: ids.product,
          entitlements: [
            { kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" },
          ],
        });
        const buyer = await signedInBuyer(db, "sbxoctocat01", { id: 583231, login: "octocat" });
        await db.insert(orders).values({
          id: ORDER_ID,
          productId: toolkit.id,
          buyerId: buyer.id,
          source: "checkout",
          amount: 4900,
          currency: "USD",
          createdAt: NOW,
        });
      });

      it("a paid event pays our order once and queues its invitation; a duplicate changes nothing", async () => {
        const raw = body(payment(), { kind: "paid" });
        const deliveryId = "msg_paid_once";
        const first = await send(raw, { deliveryId });
        expect(first).toMatchObject({
          status: 200,
          body: { ok: true, outcome: "applied", orderId: ORDER_ID },
        });
        expect(await order()).toMatchObject({
          status: "paid",
          paymentProvider: provider,
          providerPaymentId: ids.payment,
          amount: 4900,
          currency: "USD",
        });
        expect((await orderGrants()).map((g) => [g.repo, g.status, g.githubLogin])).toEqual([
          ["toolkit", "queued", "octocat"],
        ]);
        // The provider's retry: same event (Polar re-signs it later under the same webhook-id).
        const again = await send(raw, { deliveryId, at: new Date(NOW.getTime() + 60_000) });
        expect(again).toMatchObject({ status: 200, body: { duplicate: true } });
        expect(await orderGrants()).toHaveLength(1);
      });

      it("a full refund finds the order by the provider's payment id alone and revokes", async () => {
        await send(body(payment(), { kind: "paid" }));
        const refund = await send(
          body(payment({ orderRef: undefined }), { kind: "refunded", refunded: 4900 }),
        );
        expect(refund).toMatchObject({
          status: 200,
          body: { outcome: "applied", orderId: ORDER_ID },
        });
        expect((await order()).status).toBe("refunded");
        expect((await orderGrants())[0]!.revokeRequestedAt).toEqual(NOW);
      });

      it("a partial refund keeps access, unless the product's setting says it revokes", async () => {
        await send(body(payment(), { kind: "paid" }));
        const partial = await send(body(payment(), { kind: "refunded", refunded: 1000 }));
        expect(partial.body).toMatchObject({ outcome: "ignored" });
        expect(partial.body.note).toContain("partial refund");
        expect((await order()).status).toBe("paid");
        expect((await orderGrants())[0]!.revokeRequestedAt).toBeNull();

        await database
          .db()
          .update(products)
          .set({ revokeOnPartialRefund: true })
          .where(eq(products.slug, "toolkit"));
        const second = await send(body(payment(), { kind: "refunded", refunded: 2000 }));
        expect(second.body).toMatchObject({ outcome: "applied" });
        expect((await order()).status).toBe("refunded");
        expect((await orderGrants())[0]!.revokeRequestedAt).toEqual(NOW);
      });

      if (provider === "stripe") {
        it("a dispute takes the access away like a full refund", async () => {
          await send(body(payment(), { kind: "paid" }));
          const dispute = await send(body(payment(), { kind: "dispute" }));
          expect(dispute.body).toMatchObject({ outcome: "applied" });
          expect((await order()).status).toBe("refunded");
          expect((await orderGrants())[0]!.revokeRequestedAt).toEqual(NOW);
        });

        it("a refund that arrives before its payment is refused unused, and applies on retry", async () => {
          const refund = body(payment(), { kind: "refunded", refunded: 4900 });
          const early = await send(refund);
          expect(early.status).toBe(404);
          expect((await order()).status).toBe("pending");
          await send(body(payment(), { kind: "paid" }));
          const retry = await send(refund);
          expect(retry.body).toMatchObject({ outcome: "applied", duplicate: false });
          expect((await order()).status).toBe("refunded");
        });
      } else {
        it("a refund that arrives before its payment closes the order; the payment then invites nobody", async () => {
          const refund = await send(body(payment(), { kind: "refunded", refunded: 4900 }));
          expect(refund.body).toMatchObject({ outcome: "applied" });
          const paid = await send(body(payment(), { kind: "paid" }));
          expect(paid.body).toMatchObject({ outcome: "ignored" });
          expect(paid.body.note).toContain("refunded");
          expect((await order()).status).toBe("refunded");
          expect(await orderGrants()).toHaveLength(0);
        });
      }

      it("a payment event arriving after the refund never moves the order back", async () => {
        await send(body(payment(), { kind: "paid" }));
        await send(body(payment(), { kind: "refunded", refunded: 4900 }));
        const late = await send(body(payment(), { kind: "paid" }));
        expect(late).toMatchObject({ status: 200, body: { outcome: "ignored" } });
        expect((await order()).status).toBe("refunded");
        expect(await orderGrants()).toHaveLength(1);
        expect((await orderGrants())[0]!.revokeRequestedAt).toEqual(NOW);
      });

      it("a cheap product's payment carrying our order id invites nobody and is recorded", async () => {
        const cheap = payment({
          productRef: ids.cheap,
          paymentId: ids.other,
          amount: { minor: 500, currency: "USD" },
        });
        const answer = await send(body(cheap, { kind: "paid" }));
        expect(answer).toMatchObject({
          status: 200,
          body: { outcome: "mismatch", orderId: ORDER_ID },
        });
        expect((await order()).status).toBe("pending");
        expect(await orderGrants()).toHaveLength(0);
        const [mismatch] = await database.db().select().from(paymentMismatches);
        expect(mismatch).toMatchObject({
          orderId: ORDER_ID,
          provider,
          providerPaymentId: ids.other,
        });
        expect(mismatch!.reason).toContain(ids.cheap);
      });

      it("the right product for too little invites nobody and is recorded", async () => {
        const answer = await send(
          body(payment({ amount: { minor: 100, currency: "USD" } }), { kind: "paid" }),
        );
        expect(answer.body).toMatchObject({ outcome: "mismatch" });
        expect((await order()).status).toBe("pending");
        const [mismatch] = await database.db().select().from(paymentMismatches);
        expect(mismatch!.reason).toMatch(/less than the 4900 expected/);
      });

      if (provider === "lemonsqueezy") {
        it("has no signature timestamp: a replay days later is only ever a duplicate", async () => {
          const raw = body(payment(), { kind: "paid" });
          await send(raw);
          const replay = await send(raw, { at: new Date(NOW.getTime() + 3 * 86_400_000) });
          expect(replay.body).toMatchObject({ duplicate: true });
          expect(await orderGrants()).toHaveLength(1);
        });
      } else {
        it("refuses a signature older than 5 minutes with 401, logged, changing nothing", async () => {
          const answer = await send(body(payment(), { kind: "paid" }), {
            at: new Date(NOW.getTime() - 301_000),
          });
          expect(answer.status).toBe(401);
          expect((await order()).status).toBe("pending");
          const [logged] = await database.db().select().from(webhookRejections);
          expect(logged).toMatchObject({ source: provider, httpStatus: 401 });
        });
      }

      it("accepts the outgoing secret while rotating, and refuses one it does not hold", async () => {
        const old =
          provider === "lemonsqueezy"
            ? "ls-previous-secret"
            : PROVIDER_SECRETS[provider].replace("whsec_", "whsec_ol");
        const secrets = [PROVIDER_SECRETS[provider], old];
        const raw = body(payment(), { kind: "paid" });
        expect(
          (await send(raw, { secret: old, secrets: [PROVIDER_SECRETS[provider]] })).status,
        ).toBe(401);
        expect((await send(raw, { secret: old, secrets })).body).toMatchObject({
          outcome: "applied",
        });
      });

      it("answers 503 and accepts nothing while its secret is unset", async () => {
        const answer = await send(body(payment(), { kind: "paid" }), { secrets: [] });
        expect(answer.status).toBe(503);
        expect(answer.body.error).toMatch(/_WEBHOOK_SECRET is not set/);
        expect((await order()).status).toBe("pending");
      });

      it("answers a sale made outside Repogrant with 200 and leaves our orders alone", async () => {
        const answer = await send(body(payment({ orderRef: undefined }), { kind: "paid" }));
        expect(answer).toMatchObject({ status: 200, body: { outcome: "ignored" } });
        expect((await order()).status).toBe("pending");
      });

      if (provider === "polar") {
        it("accepts a legacy Polar secret, whose key is the whole string", async () => {
          const legacy = "polar_whs_legacyRawStringSecret0123456789";
          const answer = await send(body(payment(), { kind: "paid" }), {
            secret: legacy,
            secrets: [legacy],
            keyMode: "raw",
          });
          expect(answer.body).toMatchObject({ outcome: "applied" });
        });
      }
    });
  }
});
