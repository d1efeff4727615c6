import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Session } from "./session";

/** What every guarded action answers: data, or words the person can act on. */
export type ActionResult<T = null> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/** The shape React's useActionState calls a server action with. */
export type GuardedAction<T> = (
  previous: ActionResult<T> | null,
  formData: FormData,
) => Promise<ActionResult<T>>;

export type Access = "merchant" | "buyer";

export interface ActionContext {
  session: Session;
  now: Date;
}

export interface BuyerActionContext extends ActionContext {
  /** The caller's own buyer row: actions scope every query to it (ownership). */
  buyerId: string;
}

type ContextFor<A extends Access> = A extends "buyer" ? BuyerActionContext : ActionContext;

export interface GuardOptions<A extends Access, S extends z.ZodType, T> {
  access: A;
  schema: S;
  run: (input: z.output<S>, context: ContextFor<A>) => Promise<ActionResult<T>>;
  resolveSession: () => Promise<Session | null>;
  clock?: () => Date;
  /** Where an unexpected failure is reported; never shown to the caller. */
  report?: (error: unknown) => void;
}

// Every action built here is remembered, so a test can prove that no exported server action
// was written without the guard.
const guarded = new WeakSet<object>();

export function isGuardedAction(value: unknown): boolean {
  return typeof value === "function" && guarded.has(value);
}

export const NOT_SIGNED_IN =
  "You are not signed in, or your session has ended. Sign in and try again.";

/**
 * A server action is a public POST endpoint, so each one checks for itself, in this order:
 * who is calling → may they (merchant role, or a buyer acting on their own rows) → is the
 * input valid. Only then does `run` see the input.
 */
export function guardAction<A extends Access, S extends z.ZodType, T>(
  options: GuardOptions<A, S, T>,
): GuardedAction<T> {
  const { access, schema, run, resolveSession } = options;
  const clock = options.clock ?? (() => new Date());
  const report = options.report ?? ((error) => console.error("Server action failed:", error));

  const action: GuardedAction<T> = async (_previous, formData) => {
    try {
      const session = await resolveSession();
      if (!session) return { ok: false, error: NOT_SIGNED_IN };
      const refusal = refuse(access, session);
      if (refusal) return { ok: false, error: refusal };

      const parsed = schema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      const context = { session, now: clock(), buyerId: session.buyerId };
      return await run(parsed.data, context as ContextFor<A>);
    } catch (error) {
      // redirect() and notFound() are thrown on purpose; let Next handle them.
      unstable_rethrow(error);
      report(error);
      return {
        ok: false,
        error:
          "Something went wrong on our side; the change may not have been made. Try again in a moment.",
      };
    }
  };
  guarded.add(action);
  return action;
}

function refuse(access: Access, session: Session): string | null {
  const who = session.verifiedEmail ?? session.github?.login ?? session.name ?? "this account";
  if (access === "merchant" && session.role !== "merchant") {
    return `Only the store's staff can do this, and ${who} is not on the staff list. Sign in with a merchant account.`;
  }
  if (access === "buyer" && session.buyerId === null) {
    return "We could not find the purchases of this account. Sign out, sign in again, and retry.";
  }
  return null;
}

// Next adds its own $ACTION_* fields to forms that work without JavaScript.
function formFields(formData: unknown): Record<string, unknown> {
  if (!(formData instanceof FormData)) return {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of formData) {
    if (!key.startsWith("$ACTION")) fields[key] = value;
  }
  return fields;
}

function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  const general: string[] = [];
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string") (fieldErrors[field] ??= []).push(issue.message);
    else general.push(issue.message);
  }
  return {
    ok: false,
    error: general[0] ?? "Some fields need attention: see the messages beside them.",
    fieldErrors,
  };
}
