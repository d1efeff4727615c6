import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startGithubEmulator, type GithubEmulator } from "../sandbox/github/emulator";

/** The seed's org admin token (sandbox/README.md): the app acts as acme-admin. */
const SANDBOX_GITHUB_TOKEN = "sandbox-admin-token";

/** Where a stand-in keeps its state, which app it serves, its port (0: free), the app's settings. */
export interface StandInOptions {
  dataDir: string;
  appUrl: string;
  port: number;
  env: Record<string, string | undefined>;
}

/** A running local stand-in: the settings that point the app at it, and how to stop it. */
export interface StandIn<Env extends Record<string, string> = Record<string, string>> {
  env: Env;
  /** One line for the launcher's log: where it runs and what it offers. */
  summary: string;
  close(): Promise<void>;
}

/**
 * Starts the GitHub emulator and returns the environment that points the app at it. The
 * emulator's state lives under DATA_DIR beside the database, so a restart keeps both in step.
 */
export async function startSandbox(
  options: StandInOptions,
): Promise<StandIn & { github: GithubEmulator }> {
  // A secret the user set is theirs (their own tools sign with it); only a missing one is made.
  const webhookSecret = options.env.GITHUB_WEBHOOK_SECRET || randomBytes(24).toString("hex");
  const orderSecret = readOrderWebhookSecret(options);
  const github = await startGithubEmulator({
    port: options.port,
    statePath: path.join(options.dataDir, "sandbox", "github-state.json"),
    webhook: { url: `${options.appUrl}/api/webhooks/github`, secret: webhookSecret },
  });
  const env: Record<string, string> = {
    SANDBOX: "1",
    GITHUB_TOKEN: SANDBOX_GITHUB_TOKEN,
    GITHUB_API_URL: github.url,
    GITHUB_WEBHOOK_SECRET: webhookSecret,
    GITHUB_APP_ID: "",
    GITHUB_APP_PRIVATE_KEY: "",
    // The emulator has no write limits worth waiting for in a demo.
    GITHUB_WRITE_INTERVAL_MS: options.env.GITHUB_WRITE_INTERVAL_MS || "0",
    ORDER_WEBHOOK_SECRET: orderSecret.value,
    // Payment providers' secrets, so the dashboard's "send test event" works out of the box.
    STRIPE_WEBHOOK_SECRET:
      options.env.STRIPE_WEBHOOK_SECRET || `whsec_${randomBytes(24).toString("hex")}`,
    LEMONSQUEEZY_WEBHOOK_SECRET:
      options.env.LEMONSQUEEZY_WEBHOOK_SECRET || randomBytes(16).toString("hex"),
    POLAR_WEBHOOK_SECRET:
      options.env.POLAR_WEBHOOK_SECRET || `whsec_${randomBytes(24).toString("base64")}`,
  };
  const orderSecretNote = orderSecret.generated
    ? `\n  Order webhooks: sign with ORDER_WEBHOOK_SECRET=${orderSecret.value} (sandbox-only, kept in ${orderSecret.path}).`
    : "";
  return {
    env,
    github,
    summary: `GitHub emulator at ${github.url}, token ${SANDBOX_GITHUB_TOKEN}. Nothing is sent to GitHub.${orderSecretNote}`,
    close: () => github.close(),
  };
}

/**
 * The order webhook secret: the user's, or one made for this data directory and kept beside its
 * database, so a sender configured once keeps working across restarts. Printed by the caller,
 * because without it nobody can sign a delivery to the sandbox.
 */
function readOrderWebhookSecret(options: StandInOptions) {
  const file = path.join(options.dataDir, "sandbox", "order-webhook-secret");
  if (options.env.ORDER_WEBHOOK_SECRET) {
    return { value: options.env.ORDER_WEBHOOK_SECRET, generated: false, path: file };
  }
  if (existsSync(file)) {
    return { value: readFileSync(file, "utf8").trim(), generated: true, path: file };
  }
  const value = `whsec_${randomBytes(24).toString("base64")}`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return { value, generated: true, path: file };
}
