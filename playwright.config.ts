import { defineConfig, devices } from "@playwright/test";

// A second checkout or a busy machine can move the journeys elsewhere:
// E2E_PORT=3310 E2E_GITHUB_PORT=3320 E2E_IDENTITY_PORT=3330 E2E_DATA_DIR=.e2e-data/mine npx playwright test
// Journeys that start a server of their own use E2E_PORT + 1, + 2, (buyer journeys) + 4 and
// (access matrix) + 6.
// The data never lands in the developer's own .data/.
const portFrom = (name: string, fallback: number) => Number(process.env[name] || fallback);
export const E2E_PORT = portFrom("E2E_PORT", 3210);
export const E2E_GITHUB_PORT = portFrom("E2E_GITHUB_PORT", 3220);
export const E2E_IDENTITY_PORT = portFrom("E2E_IDENTITY_PORT", 3230);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR || ".e2e-data/e2e";
export const E2E_ORDER_WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const E2E_CRON_SECRET = "e2e-cron-secret-0123456789";

// Only Debian's chromium exists here; `playwright install` would try to download a browser.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    // The production server, as users deploy it; the build is done by `npm test` beforehand.
    command: `rm -rf ${E2E_DATA_DIR} && npm start -- -p ${E2E_PORT}`,
    url: `http://localhost:${E2E_PORT}/api/health`,
    // The sandbox: the GitHub emulator on a known port, so journeys can look at what it received.
    env: {
      DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: "",
      SANDBOX: "1",
      SANDBOX_GITHUB_PORT: String(E2E_GITHUB_PORT),
      ORDER_WEBHOOK_SECRET: E2E_ORDER_WEBHOOK_SECRET,
      CRON_SECRET: E2E_CRON_SECRET,
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    // Let the server close PGlite cleanly instead of being killed mid-write.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
