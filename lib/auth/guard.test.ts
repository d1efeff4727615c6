import { redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { guardAction, isGuardedAction, NOT_SIGNED_IN, type ActionResult } from "./guard";
import type { Session } from "./session";

const merchant: Session = {
  logtoUserId: "sbxmerchant1",
  name: null,
  avatarUrl: null,
  verifiedEmail: "merchant@acme.test",
  github: null,
  role: "merchant",
  buyerId: "b-merchant",
};
const octocat: Session = {
  logtoUserId: "sbxoctocat01",
  name: "The Octocat",
  avatarUrl: null,
  verifiedEmail: "octocat@github.com",
  github: { userId: 583231, login: "octocat" },
  role: "buyer",
  buyerId: "b-octocat",
};

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

const retryInput = z.object({ grantId: z.coerce.number().int().positive("Enter a grant number.") });
const at = new Date("2026-11-29T12:00:00Z");

/** An action whose body records each call, so a test can tell whether it ran. */
function recordingAction(access: "merchant" | "buyer", session: Session | null) {
  const calls: unknown[] = [];
  const action = guardAction({
    access,
    schema: retryInput,
    resolveSession: () => Promise.resolve(session),
    clock: () => at,
    run: (input, context) => {
      calls.push({ input, context });
      return Promise.resolve({ ok: true, data: input.grantId } as ActionResult<number>);
    },
  });
  return { action, calls };
}

describe("the action guard", () => {
  it("refuses a caller who is not signed in, before looking at the input", async () => {
    const { action, calls } = recordingAction("merchant", null);
    expect(await action(null, form({ grantId: "nonsense" }))).toEqual({
      ok: false,
      error: NOT_SIGNED_IN,
    });
    expect(calls).toEqual([]);
  });

  it("refuses a buyer a merchant action, in words that say what to do", async () => {
    const { action, calls } = recordingAction("merchant", octocat);
    const result = await action(null, form({ grantId: "7" }));
    expect(result).toEqual({
      ok: false,
      error:
        "Only the store's staff can do this, and octocat@github.com is not on the staff list. Sign in with a merchant account.",
    });
    expect(calls).toEqual([]);
  });

  it("answers invalid input field by field and does not run", async () => {
    const { action, calls } = recordingAction("merchant", merchant);
    expect(await action(null, form({ grantId: "-3" }))).toEqual({
      ok: false,
      error: "Some fields need attention: see the messages beside them.",
      fieldErrors: { grantId: ["Enter a grant number."] },
    });
    expect(calls).toEqual([]);
  });

  it("runs with the coerced input, the session and the clock's time", async () => {
    const { action, calls } = recordingAction("merchant", merchant);
    const result = await action(null, form({ grantId: "42", $ACTION_ID_abc: "" }));
    expect(result).toEqual({ ok: true, data: 42 });
    expect(calls).toEqual([
      { input: { grantId: 42 }, context: { session: merchant, now: at, buyerId: "b-merchant" } },
    ]);
  });

  it("gives a buyer action the caller's own buyer id, and refuses one without a buyer row", async () => {
    const mine = recordingAction("buyer", octocat);
    await mine.action(null, form({ grantId: "5" }));
    expect(mine.calls).toMatchObject([{ context: { buyerId: "b-octocat" } }]);

    const orphan = recordingAction("buyer", { ...octocat, buyerId: null });
    const result = await orphan.action(null, form({ grantId: "5" }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain("sign in again");
    expect(orphan.calls).toEqual([]);
  });

  it("turns an unexpected failure into words without its details, and reports it", async () => {
    const reported: unknown[] = [];
    const action = guardAction({
      access: "merchant",
      schema: retryInput,
      resolveSession: () => Promise.resolve(merchant),
      run: () => Promise.reject(new Error("connection to 10.0.0.5 refused")),
      report: (error) => reported.push(error),
    });
    const result = await action(null, form({ grantId: "1" }));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain("10.0.0.5");
    expect(reported).toHaveLength(1);
  });

  it("lets redirect() through to Next", async () => {
    const action = guardAction({
      access: "merchant",
      schema: retryInput,
      resolveSession: () => Promise.resolve(merchant),
      run: () => redirect("/dashboard"),
    });
    await expect(action(null, form({ grantId: "1" }))).rejects.toThrow("NEXT_REDIRECT");
  });

  it("marks what it builds, and only that", () => {
    expect(isGuardedAction(recordingAction("merchant", merchant).action)).toBe(true);
    expect(isGuardedAction(() => Promise.resolve({ ok: true, data: null }))).toBe(false);
  });
});
