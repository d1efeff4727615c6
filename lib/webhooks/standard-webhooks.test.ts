import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { verifyStandardWebhook } from "./standard-webhooks";

// The Standard Webhooks specification's published test vector.
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

const SIGNED_AT = new Date(VECTOR.timestamp * 1000);

const headersOf = (values: Record<string, string>) => new Headers(values);

describe("Standard Webhooks verification", () => {
  it("verifies the specification's published test vector", () => {
    const headers = headersOf({
      "webhook-id": VECTOR.id,
      "webhook-timestamp": String(VECTOR.timestamp),
      "webhook-signature": VECTOR.signature,
    });
    expect(verifyStandardWebhook(VECTOR.body, headers, [VECTOR.secret], SIGNED_AT)).toEqual({
      ok: true,
      deliveryId: VECTOR.id,
    });
    expect(verifyStandardWebhook(`${VECTOR.body} `, headers, [VECTOR.secret], SIGNED_AT).ok).toBe(
      false,
    );
  });

  it("accepts the secret with or without its whsec_ prefix", () => {
    const at = SIGNED_AT;
    const signature = new Webhook(VECTOR.secret).sign("msg_1", at, "{}");
    const headers = headersOf({
      "webhook-id": "msg_1",
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signature,
    });
    expect(verifyStandardWebhook("{}", headers, [VECTOR.secret], at).ok).toBe(true);
    expect(verifyStandardWebhook("{}", headers, [VECTOR.secret.slice(6)], at).ok).toBe(true);
  });

  it("accepts a timestamp up to 5 minutes either way of the receiver's clock, and no further", () => {
    const headers = headersOf({
      "webhook-id": VECTOR.id,
      "webhook-timestamp": String(VECTOR.timestamp),
      "webhook-signature": VECTOR.signature,
    });
    const at = (seconds: number) => new Date((VECTOR.timestamp + seconds) * 1000);
    const check = (seconds: number) =>
      verifyStandardWebhook(VECTOR.body, headers, [VECTOR.secret], at(seconds));
    expect(check(300).ok).toBe(true);
    expect(check(-300).ok).toBe(true);
    expect(check(301)).toEqual({ ok: false, reason: "timestamp too old (more than 5 minutes)" });
    expect(check(-301)).toEqual({
      ok: false,
      reason: "timestamp too new (more than 5 minutes ahead)",
    });
  });
});
