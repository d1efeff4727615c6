import { createSign } from "node:crypto";
import { afterEach, beforeEach } from "vitest";
import {
  startGithubEmulator,
  type GithubEmulator,
  type GithubEmulatorOptions,
} from "../../sandbox/github/emulator";

/** Where a test emulator's clock stands until the test moves it. */
export const EMULATOR_START = Date.parse("2026-11-23T09:00:00Z");

/**
 * A fresh emulator (default seed unless `options` say otherwise) for every test in the calling
 * file, on a free port, closed afterwards. Call the returned function inside a test. Its clock
 * is frozen at EMULATOR_START and moves only by `controls.advanceClock`: nothing a test checks
 * may depend on how long the machine took to answer.
 */
export function useGithubEmulator(options: GithubEmulatorOptions = {}): () => GithubEmulator {
  let current: GithubEmulator | undefined;
  beforeEach(async () => {
    current = await startTestEmulator(options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("useGithubEmulator(): only available inside a test");
    return current;
  };
}

/** An emulator on a free port whose clock is frozen (see useGithubEmulator). */
export function startTestEmulator(options: GithubEmulatorOptions = {}): Promise<GithubEmulator> {
  return startGithubEmulator({ port: 0, now: () => EMULATOR_START, ...options });
}

/** A raw API call (default token: sandbox-admin-token; `null` sends none), body parsed. */
export async function callApi(
  emulator: GithubEmulator,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown } = {},
) {
  const token = options.token === undefined ? "sandbox-admin-token" : options.token;
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: token ? { authorization: `token ${token}` } : {},
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

/** A GitHub App JWT (RS256), valid for nine minutes from `nowMs`, for raw calls in tests. */
export function appJwt(appId: number, privateKeyPem: string, nowMs: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(nowMs / 1000);
  const unsigned = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat: now - 60, exp: now + 540, iss: appId })}`;
  const signature = createSign("RSA-SHA256").update(unsigned).sign(privateKeyPem, "base64url");
  return `${unsigned}.${signature}`;
}
