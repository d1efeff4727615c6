import { expect, test } from "@playwright/test";
import { E2E_GITHUB_PORT } from "../playwright.config";
import { signedOrderDelivery as signed } from "./support/signed-order-delivery";

const github = `http://127.0.0.1:${E2E_GITHUB_PORT}`;
const adminToken = { authorization: "Bearer sandbox-admin-token" };

test("a signed paid-order webhook gets the buyer invited to the repository, once", async ({
  request,
}) => {
  const event = {
    type: "order.paid",
    timestamp: new Date().toISOString(),
    data: { externalId: "e2e_ord_1", product: "demo", buyer: { githubLogin: "hubot" } },
  };
  const first = await request.post("/api/webhooks/orders", signed(event, "msg_e2e_1"));
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ ok: true, duplicate: false });
  const again = await request.post("/api/webhooks/orders", signed(event, "msg_e2e_1"));
  expect(await again.json()).toMatchObject({ ok: true, duplicate: true });

  // Fulfillment runs right after the answer; the emulator sees the invitation shortly after.
  await expect
    .poll(async () => {
      const invitations = await request.get(`${github}/repos/acme/toolkit/invitations`, {
        headers: adminToken,
      });
      const list = (await invitations.json()) as {
        invitee: { login: string };
        permissions: string;
      }[];
      return list.filter((i) => i.invitee.login === "hubot").map((i) => i.permissions);
    })
    .toEqual(["read"]);

  const unsigned = await request.post("/api/webhooks/orders", { data: JSON.stringify(event) });
  expect(unsigned.status()).toBe(401);
});
