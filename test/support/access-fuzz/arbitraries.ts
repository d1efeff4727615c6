import fc from "fast-check";
import { StepCommand } from "./run-history";
import { ACCOUNTS, PERMISSIONS, step, type Step } from "./steps";

const account = fc.constantFrom(...ACCOUNTS);
// Mostly the first orders, so refunds and repeats meet orders that exist.
const order = fc.oneof(fc.constantFrom(1, 1, 2), fc.integer({ min: 1, max: 5 }));

// Weighted so a short history still pays, runs the engine, and meets most kinds of trouble.
const steps: Array<{ weight: number; arbitrary: fc.Arbitrary<Step> }> = [
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        account,
        fc.constantFrom(...PERMISSIONS),
        fc.constantFrom("login" as const, "id" as const),
      )
      .map(([a, p, by]) => step.pay(a, p, by)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(order, fc.constantFrom("same" as const, "new" as const))
      .map(([n, delivery]) => step.repeatPayment(n, delivery)),
  },
  { weight: 5, arbitrary: order.map((n) => step.refund(n)) },
  { weight: 4, arbitrary: account.map((a) => step.accept(a)) },
  { weight: 1, arbitrary: account.map((a) => step.decline(a)) },
  { weight: 1, arbitrary: fc.constant(step.expireInvitations()) },
  { weight: 1, arbitrary: account.map((a) => step.merchantRemoves(a)) },
  {
    weight: 5,
    arbitrary: fc
      .constantFrom("deliver" as const, "drop" as const, "duplicate" as const, "delay" as const)
      .map((fate) => step.webhook(fate)),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => step.replayWebhook(n)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(500 as const, 502 as const, 503 as const),
      )
      .map(([n, status]) => step.githubFails(n, status)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(30, 120, 900).map((s) => step.secondaryRateLimit(s)),
  },
  { weight: 1, arbitrary: fc.constant(step.dailyLimitReached()) },
  { weight: 1, arbitrary: fc.constant(step.githubRecovers()) },
  { weight: 2, arbitrary: fc.constantFrom(1, 30, 6 * 60).map((m) => step.wait(m)) },
  {
    weight: 8,
    arbitrary: fc
      .constantFrom("fulfill" as const, "revoke" as const, "sync" as const, "audit" as const)
      .map((p) => step.pass(p)),
  },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom("fulfill" as const, "revoke" as const, "audit" as const)
      .map((p) => step.crash(p)),
  },
];

/** Random histories of up to `maxSteps` steps, as fast-check commands. */
export function historyCommands(maxSteps: number) {
  // fc.commands picks its arbitraries evenly: a weight is that many copies of one.
  const weighted = steps.flatMap(({ weight, arbitrary }) =>
    Array.from({ length: weight }, () => arbitrary.map((s) => new StepCommand(s))),
  );
  // "+1": histories one size longer than fast-check's default, so most reach the trouble.
  return fc.commands(weighted, { maxCommands: maxSteps, size: "+1" });
}

export const webhooksConfigured = fc.boolean();
