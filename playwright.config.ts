import { defineConfig, devices } from "@playwright/test";

export const E2E_PORT = 3210;
export const E2E_DATA_DIR = ".data/e2e";

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
    env: { DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "" },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    // Let the server close PGlite cleanly instead of being killed mid-write.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
