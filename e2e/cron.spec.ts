import { expect, test } from "@playwright/test";
import { E2E_CRON_SECRET } from "../playwright.config";

test("the cron trigger runs a fulfillment pass only for the bearer of CRON_SECRET", async ({
  request,
}) => {
  const anonymous = await request.post("/api/cron/fulfill");
  expect(anonymous.status()).toBe(401);
  const wrong = await request.post("/api/cron/fulfill", {
    headers: { authorization: "Bearer guess" },
  });
  expect(wrong.status()).toBe(401);

  const allowed = await request.post("/api/cron/fulfill", {
    headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
  });
  expect(allowed.status()).toBe(200);
  expect(await allowed.json()).toMatchObject({
    ok: true,
    summary: { fulfillment: { errors: 0 }, revocation: { failed: 0 } },
  });
});
