import { createGithubClient, inviteCollaborator, type GithubClientOptions } from "../../lib/github";
import type { GithubEmulator } from "../../sandbox/github/emulator";

/** The real Octokit client against the emulator, on its clock, unpaced, retrying at once. */
export function emulatorClient(
  emulator: GithubEmulator,
  token = "sandbox-admin-token",
  options: Omit<GithubClientOptions, "token"> = {},
) {
  return createGithubClient({
    token,
    baseUrl: emulator.url,
    writeIntervalMs: 0,
    retryDelayBaseMs: 1,
    now: () => emulator.controls.now(),
    ...options,
  });
}

/** Makes `username` a collaborator as a buyer becomes one: invited by the admin, then accepting. */
export async function makeCollaborator(
  emulator: GithubEmulator,
  target: { owner: string; repo: string; username: string; permission: string },
) {
  const invited = await inviteCollaborator(emulatorClient(emulator), target);
  if (!invited.ok || invited.value.status !== "invited") throw new Error("expected an invitation");
  emulator.controls.acceptInvitation(invited.value.invitationId);
}
