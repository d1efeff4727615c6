import fc from "fast-check";
import type { Database } from "../../../lib/db/types";
import { accessViolations } from "./invariants";
import type { AccessModel } from "./model";
import { formatHistory, formatStep, type History, type Step } from "./steps";
import { openAccessWorld, type AccessWorld } from "./world";

/** A history broke an invariant; the message carries the history as a regression test's data. */
export class AccessViolation extends Error {}

/** A step that names an order the history has not placed yet cannot happen. */
function applicable(model: Readonly<AccessModel>, s: Step): boolean {
  return s.do === "refund" || s.do === "repeatPayment" ? model.orders.length >= s.order : true;
}

/**
 * Opens a fresh world, plays the steps, lets the engine settle and checks the invariants. The
 * failure names the steps that actually ran, printed as the regression test that replays them.
 */
async function playAndCheck(
  db: Database,
  webhooks: boolean,
  play: (world: AccessWorld) => Promise<void>,
  settled?: (world: AccessWorld) => Promise<void>,
) {
  const world = await openAccessWorld(db, { webhooks });
  try {
    try {
      await play(world);
      await world.settle();
    } catch (error) {
      throw new AccessViolation(
        `the history failed before it settled: ${error instanceof Error ? error.message : String(error)}\n\n${formatHistory({ webhooks, steps: world.played })}`,
        { cause: error },
      );
    }
    await settled?.(world);
    const problems = await accessViolations(world);
    if (problems.length > 0) {
      throw new AccessViolation(
        `after settling, ${problems.length} invariant(s) broke:\n- ${problems.join("\n- ")}\n\nHistory (keep it in access-fuzz-histories.test.ts):\n${formatHistory({ webhooks, steps: world.played })}`,
      );
    }
  } finally {
    await world.close();
  }
}

/** Replays a kept history through the fuzz's harness, settles, and checks the invariants. */
export function replayHistory(db: Database, history: History): Promise<void> {
  return playAndCheck(db, history.webhooks, async (world) => {
    for (const s of history.steps) {
      if (applicable(world.model, s)) await world.apply(s);
    }
  });
}

/** One step as fast-check's model-based command. */
export class StepCommand implements fc.AsyncCommand<AccessModel, AccessWorld> {
  constructor(readonly step: Step) {}
  check(model: Readonly<AccessModel>) {
    return applicable(model, this.step);
  }
  async run(_model: AccessModel, world: AccessWorld) {
    await world.apply(this.step);
  }
  toString() {
    return formatStep(this.step);
  }
}

/** One generated history: fast-check's commands run, in order, against a fresh world. */
export function runGeneratedHistory(
  db: Database,
  webhooks: boolean,
  commands: Iterable<fc.AsyncCommand<AccessModel, AccessWorld>>,
  settled?: (world: AccessWorld) => Promise<void>,
): Promise<void> {
  return playAndCheck(
    db,
    webhooks,
    (world) => fc.asyncModelRun(() => ({ model: world.model, real: world }), commands),
    settled,
  );
}
