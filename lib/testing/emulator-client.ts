import { createGithubClient, type GithubClientOptions } from "../github";
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
