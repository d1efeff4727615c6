import type { FulfillmentGithub } from "../../../lib/fulfillment/github-port";
import type { GithubCall, GithubResult } from "../../../lib/github";

const WRITES = new Set<keyof FulfillmentGithub>([
  "invite",
  "cancelInvitation",
  "updateInvitationPermission",
  "removeCollaborator",
  "addTeamMember",
  "removeTeamMember",
]);

export class ProcessKilled extends Error {}

/**
 * The engine's GitHub port, as seen by a process killed right after GitHub answered its first
 * write and before anything after that was committed: that write really happened on GitHub, and
 * every later call of the pass fails without reaching GitHub (the process is gone). The pass's
 * own error handling then leaves the grants it held under their leases, as a dead worker does.
 */
export function dyingAfterFirstWrite(
  github: FulfillmentGithub,
  onDeath: (
    operation: keyof FulfillmentGithub,
    calls: GithubCall[],
    result: GithubResult<unknown>,
  ) => Promise<void>,
): FulfillmentGithub {
  let dead = false;
  const wrapped = {} as Record<string, unknown>;
  for (const [name, operation] of Object.entries(github) as Array<
    [keyof FulfillmentGithub, (...args: unknown[]) => Promise<GithubResult<unknown>>]
  >) {
    wrapped[name] = async (...args: unknown[]) => {
      if (dead) throw new ProcessKilled("the process was killed earlier in this pass");
      const result = await operation(...args);
      const answered = result.calls.filter((call) => call.status !== undefined);
      if (WRITES.has(name) && answered.length > 0) {
        dead = true;
        await onDeath(name, answered, result);
        throw new ProcessKilled(`killed after GitHub answered ${name}, before our commit`);
      }
      return result;
    };
  }
  return wrapped as unknown as FulfillmentGithub;
}
