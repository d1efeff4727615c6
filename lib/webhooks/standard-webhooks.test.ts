import { afterEach, describe, expect, it, vi } from "vitest";
import { Webhook } from "standardwebhooks";
import { parseWebhookSecrets, verifyStandardWebhook } from "./standard-webhooks";

// The Standard Webhooks specification's published test vector.
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

const headersOf = (values: Record<string, string>) => new Headers(values);

describe("Standard Webhooks verification", () => {
  afterEach(() => vi.useRealTimers());

  it("verifies the specification's published test vector", () => {
    vi.useFakeTimers({ now: VECTOR.timestamp * 1000 });
    const headers = headersOf({
      "webhook-id": VECTOR.id,
      "webhook-timestamp": String(VECTOR.timestamp),
      "webhook-signature": VECTOR.signature,
    });
    expect(verifyStandardWebhook(VECTOR.body, headers, [VECTOR.secret])).toEqual({
      ok: true,
      deliveryId: VECTOR.id,
    });
    expect(verifyStandardWebhook(`${VECTOR.body} `, headers, [VECTOR.secret]).ok).toBe(false);
  });

  it("accepts the secret with or without its whsec_ prefix", () => {
    const at = new Date();
    const signature = new Webhook(VECTOR.secret).sign("msg_1", at, "{}");
    const headers = headersOf({
      "webhook-id": "msg_1",
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signature,
    });
    expect(verifyStandardWebhook("{}", headers, [VECTOR.secret]).ok).toBe(true);
    expect(verifyStandardWebhook("{}", headers, [VECTOR.secret.slice(6)]).ok).toBe(true);
  });

  it("splits rotating secrets on whitespace", () => {
    expect(parseWebhookSecrets(" whsec_a  whsec_b\n")).toEqual(["whsec_a", "whsec_b"]);
    expect(parseWebhookSecrets(undefined)).toEqual([]);
  });
});
