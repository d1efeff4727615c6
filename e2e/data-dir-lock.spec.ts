import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR, E2E_PORT } from "../playwright.config";
import { startServerProcess } from "./support/server-process";

test("a second server on the same PGlite directory exits with the lock message while the first keeps serving", async ({
  request,
}) => {
  const second = startServerProcess(E2E_PORT + 1, {
    DATA_DIR: E2E_DATA_DIR,
    DATABASE_URL: "",
    SANDBOX: "1",
    SANDBOX_GITHUB_PORT: "0",
  });
  try {
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toMatch(
      new RegExp(
        `PGlite data directory ${escapeRegExp(E2E_DATA_DIR)}/pglite is in use by pid \\d+`,
      ),
    );
  } finally {
    await second.stop();
  }
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
