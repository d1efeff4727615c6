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
  const { github } = config;
  const app = Boolean(github.appId && github.appPrivateKey);
  const token = Boolean(github.token || github.appPrivateKey);
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
        ? `A GitHub App (id ${github.appId}) acts through its installation on each owner${github.apiUrl ? `, on ${github.apiUrl}` : ""}.`
        : token
          ? `A personal access token acts for one account${github.apiUrl ? `, on ${github.apiUrl}` : ""}.`
          : "No GitHub credentials: set GITHUB_TOKEN, or GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY. No invitation can be sent.",
    },
    {
      label: "Sign-in",
      tone: config.logto.configured ? "ok" : "warning",
      sentence: config.logto.configured
        ? `Sign-in goes through Logto at ${config.logto.endpoint}.`
        : `${config.logto.missing.join(", ")} not set: nobody can sign in.`,
    },
    {
      label: "Order webhook",
      tone: config.orderWebhookSecrets.length > 0 ? "ok" : "problem",
      sentence:
        config.orderWebhookSecrets.length > 0
          ? "ORDER_WEBHOOK_SECRET is set: signed order deliveries are accepted."
          : "ORDER_WEBHOOK_SECRET is not set: every order delivery is refused.",
    },
    {
      label: "GitHub webhook",
      tone: github.webhookSecret ? "ok" : "warning",
      sentence: github.webhookSecret
        ? "GITHUB_WEBHOOK_SECRET is set: accepted invitations show up at once."
        : "GITHUB_WEBHOOK_SECRET is not set: acceptances are noticed by the periodic check (every few minutes) instead of at once.",
    },
    {
      label: "Cron trigger",
      tone: config.cronSecret ? "ok" : "warning",
      sentence: config.cronSecret
        ? "CRON_SECRET is set: an external scheduler can wake the engine."
        : "CRON_SECRET is not set: only the in-process loop sends due invitations (fine for one always-on server).",
    },
  ];
}
