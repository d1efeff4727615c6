import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import postgres from "postgres";
import { appClient, newAppCredentials } from "../../sandbox/identity/app-client";
import { startIdentityProvider, type IdentityProvider } from "../../sandbox/identity/provider";
import { startServerProcess, waitForHealth, type ServerProcess } from "./server-process";

export interface SignedInApp {
  url: string;
  identity: IdentityProvider;
  /** The app's own PostgreSQL database, for looking at what a journey changed. */
  sql: postgres.Sql;
  server: ServerProcess;
  stop(): Promise<void>;
}

/**
 * The production server on a PostgreSQL database of its own, signed in through the real
 * @logto/next against the sandbox identity provider, with the GitHub emulator behind it.
 */
export async function startSignedInApp(options: {
  databaseUrl: string;
  port: number;
  identityPort: number;
  dataDir: string;
  env: Record<string, string>;
  /** The Logto application's id and secret; new random ones unless given. */
  credentials?: { appId: string; appSecret: string };
}): Promise<SignedInApp> {
  const name = `repogrant_e2e_auth_${randomBytes(6).toString("hex")}`;
  const admin = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const dbUrl = new URL(options.databaseUrl);
  dbUrl.pathname = `/${name}`;

  const url = `http://localhost:${options.port}`;
  const credentials = options.credentials ?? newAppCredentials();
  const identity = await startIdentityProvider({
    port: options.identityPort,
    clients: [appClient(url, credentials)],
  });
  rmSync(options.dataDir, { recursive: true, force: true });
  const server = startServerProcess(options.port, {
    DATABASE_URL: dbUrl.toString(),
    DATA_DIR: options.dataDir,
    APP_URL: url,
    SANDBOX: "1",
    SANDBOX_GITHUB_PORT: "0",
    LOGTO_ENDPOINT: identity.endpoint,
    LOGTO_APP_ID: credentials.appId,
    LOGTO_APP_SECRET: credentials.appSecret,
    LOGTO_COOKIE_SECRET: randomBytes(32).toString("hex"),
    ...options.env,
  });
  const sql = postgres(dbUrl.toString(), { max: 2, onnotice: () => {} });
  const stop = async () => {
    await server.stop();
    await identity.close().catch(() => {});
    await sql.end({ timeout: 5 });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  };
  try {
    await waitForHealth(url, 120_000);
  } catch (error) {
    await stop();
    throw new Error(`the app did not start: ${String(error)}\n${server.output()}`);
  }
  return { url, identity, sql, server, stop };
}
