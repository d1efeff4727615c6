import type { LaunchMode } from "./launch-args";

export type SandboxDecision =
  { kind: "sandbox"; reason: string } | { kind: "real" } | { kind: "refuse"; message: string };

const isOn = (value: string | undefined) => value === "1" || value === "true";

/**
 * `npm run dev` with no GitHub credentials runs against the local stand-ins, so a new user sees
 * the whole flow with no setup. `npm start` never does that silently: a production server
 * without credentials refuses to start unless SANDBOX=1 says the stand-ins are wanted.
 */
export function decideSandbox(
  mode: LaunchMode,
  env: Record<string, string | undefined>,
): SandboxDecision {
  if (isOn(env.SANDBOX)) return { kind: "sandbox", reason: "SANDBOX=1" };
  const hasGithub = Boolean(env.GITHUB_TOKEN?.trim() || env.GITHUB_APP_PRIVATE_KEY?.trim());
  if (hasGithub) return { kind: "real" };
  if (mode === "dev") return { kind: "sandbox", reason: "no GitHub credentials are configured" };
  return {
    kind: "refuse",
    message:
      "No GitHub credentials: set GITHUB_TOKEN (or GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY), " +
      "or run with SANDBOX=1 to use the local GitHub emulator instead (nothing is sent to GitHub).",
  };
}

export type IdentityDecision =
  | { kind: "sandbox"; reason: string }
  | { kind: "real" }
  | { kind: "unconfigured"; message: string };

const LOGTO_SETTINGS = ["LOGTO_ENDPOINT", "LOGTO_APP_ID", "LOGTO_APP_SECRET"] as const;

/**
 * Sign-in follows the same rule, decided on its own: with no Logto settings at all, `npm run
 * dev` (and `npm start` with SANDBOX=1) start the sandbox identity provider. Any Logto setting
 * means a real tenant is meant, even with SANDBOX=1; a missing one is then the app's to name.
 */
export function decideIdentitySandbox(
  mode: LaunchMode,
  env: Record<string, string | undefined>,
): IdentityDecision {
  if (LOGTO_SETTINGS.some((name) => env[name]?.trim())) return { kind: "real" };
  if (isOn(env.SANDBOX)) return { kind: "sandbox", reason: "SANDBOX=1 and no Logto settings" };
  if (mode === "dev") return { kind: "sandbox", reason: "no Logto settings are configured" };
  return {
    kind: "unconfigured",
    message:
      "Sign-in is not configured: set LOGTO_ENDPOINT, LOGTO_APP_ID, LOGTO_APP_SECRET and " +
      "LOGTO_COOKIE_SECRET, or run with SANDBOX=1 to use the sandbox identity provider.",
  };
}
