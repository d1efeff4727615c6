import { expect, it } from "vitest";
import { merchantRefusal } from "./require-merchant";
import type { Session } from "./session";

const session = (role: Session["role"]): Session => ({
  logtoUserId: "u1",
  name: null,
  avatarUrl: null,
  verifiedEmail: "someone@example.test",
  github: null,
  role,
  buyerId: null,
});

it("a route handler refuses anonymous callers with 401 and buyers with 403, and lets staff in", async () => {
  const anonymous = merchantRefusal(null);
  expect(anonymous!.status).toBe(401);
  expect(((await anonymous!.json()) as { error: string }).error).toMatch(/not signed in/);
  const buyer = merchantRefusal(session("buyer"));
  expect(buyer!.status).toBe(403);
  expect(((await buyer!.json()) as { error: string }).error).toMatch(/staff/);
  expect(merchantRefusal(session("merchant"))).toBeNull();
});
