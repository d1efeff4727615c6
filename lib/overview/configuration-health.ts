import "server-only";
import type { Config } from "../config";

export type HealthTone = "ok" | "warning" | "problem";
export interface HealthItem {
  label: string;
  tone: HealthTone;
  sentence: string;
}

/**
 * The settings the merchant can check at a glance, in words: how we reach GitHub, which webhook
 * and cron secrets are set, sandbox or not. Never shows a secret, only whether it is there.
 */
export function describeConfiguration(config: Config): HealthItem[] {
  const raw = config.raw;
  const app = Boolean(raw.GITHUB_APP_ID && raw.GITHUB_APP_PRIVATE_KEY);
  const token = Boolean(raw.GITHUB_TOKEN || raw.GITHUB_APP_PRIVATE_KEY);
  const logto = Boolean(raw.LOGTO_ENDPOINT && raw.LOGTO_APP_ID);
  return [
    config.sandbox
      ? {
          label: "Sandbox",
          tone: "warning",
          sentence:
            "Sandbox mode is on: GitHub and sign-in are local stand-ins; nothing reaches GitHub.",
        }
      : { label: "Sandbox", tone: "ok", sentence: "Sandbox mode is off: this is the real GitHub." },
    {
      label: "GitHub access",
      tone: app || token ? "ok" : "problem",
      sentence: app
        ? `A GitHub App (id ${raw.GITHUB_APP_ID}) acts through its installation on each owner${raw.GITHUB_API_URL ? `, on ${raw.GITHUB_API_URL}` : ""}.`
        : token
          ? `A personal access token acts for one account${raw.GITHUB_API_URL ? `, on ${raw.GITHUB_API_URL}` : ""}.`
          : "No GitHub credentials: set GITHUB_TOKEN, or GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY. No invitation can be sent.",
    },
    {
      label: "Sign-in",
      tone: logto ? "ok" : "warning",
      sentence: logto
        ? `Sign-in goes through Logto at ${raw.LOGTO_ENDPOINT}.`
        : "LOGTO_ENDPOINT and LOGTO_APP_ID are not set.",
    },
    {
      label: "Order webhook",
      tone: raw.ORDER_WEBHOOK_SECRET ? "ok" : "problem",
      sentence: raw.ORDER_WEBHOOK_SECRET
        ? "ORDER_WEBHOOK_SECRET is set: signed order deliveries are accepted."
        : "ORDER_WEBHOOK_SECRET is not set: every order delivery is refused.",
    },
    {
      label: "GitHub webhook",
      tone: raw.GITHUB_WEBHOOK_SECRET ? "ok" : "warning",
      sentence: raw.GITHUB_WEBHOOK_SECRET
        ? "GITHUB_WEBHOOK_SECRET is set: accepted invitations show up at once."
        : "GITHUB_WEBHOOK_SECRET is not set: acceptances are noticed by the periodic check (every few minutes) instead of at once.",
    },
    {
      label: "Cron trigger",
      tone: raw.CRON_SECRET ? "ok" : "warning",
      sentence: raw.CRON_SECRET
        ? "CRON_SECRET is set: an external scheduler can wake the engine."
        : "CRON_SECRET is not set: only the in-process loop sends due invitations (fine for one always-on server).",
    },
  ];
}
