import { createSign } from "node:crypto";
import { afterEach, beforeEach } from "vitest";
import { startGithubEmulator, type GithubEmulator, type GithubEmulatorOptions } from "./emulator";

/**
 * A fresh emulator (default seed unless `options` say otherwise) for every test in the calling
 * file, on a free port, closed afterwards. Call the returned function inside a test.
 */
export function useGithubEmulator(options: GithubEmulatorOptions = {}): () => GithubEmulator {
  let current: GithubEmulator | undefined;
  beforeEach(async () => {
    current = await startGithubEmulator({ port: 0, ...options });
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
