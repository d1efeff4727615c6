import "server-only";
import type { z } from "zod";
import {
  guardAction,
  type ActionContext,
  type ActionResult,
  type BuyerActionContext,
} from "./guard";
import { getSession } from "./session";

export type { ActionResult, GuardedAction } from "./guard";

/** A server action only the merchant's staff may run. */
export function merchantAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>, context: ActionContext) => Promise<ActionResult<T>>,
) {
  return guardAction({ access: "merchant", schema, run, resolveSession: getSession });
}

/** A server action any signed-in buyer may run on their own rows (context.buyerId). */
export function buyerAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>, context: BuyerActionContext) => Promise<ActionResult<T>>,
) {
  return guardAction({ access: "buyer", schema, run, resolveSession: getSession });
}
