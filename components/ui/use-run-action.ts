"use client";

import { useTransition } from "react";
import { toast } from "sonner";

type Result = { ok: true; data: unknown } | { ok: false; error: string };
type GuardedAction = (previous: null, formData: FormData) => Promise<Result>;

/**
 * Runs a guarded server action from a button: pending while it runs, then the outcome as a
 * toast in words (the action's own message, or its error).
 */
export function useRunAction() {
  const [pending, startTransition] = useTransition();
  const run = (
    action: GuardedAction,
    fields: Record<string, string | number>,
    done?: string,
    then?: (data: unknown) => void,
  ) =>
    startTransition(async () => {
      const formData = new FormData();
      for (const [key, value] of Object.entries(fields)) formData.set(key, String(value));
      try {
        const result = await action(null, formData);
        if (result.ok) {
          const message = (result.data as { message?: string } | null)?.message;
          toast.success(message ?? done ?? "Done.");
          then?.(result.data);
        } else {
          toast.error(result.error);
        }
      } catch {
        toast.error("The server could not be reached. Check your connection and try again.");
      }
    });
  return { pending, run };
}
