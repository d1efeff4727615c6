import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { E2E_DATA_DIR, E2E_PORT } from "../playwright.config";
import { startServerProcess, waitForHealth } from "./support/server-process";

const baseUrl = process.env.TEST_DATABASE_URL;

test.describe("on PostgreSQL", () => {
  test.skip(!baseUrl && process.env.CI !== "true", "TEST_DATABASE_URL is not set");

  test("DATABASE_URL runs the same app, migrated, and health says postgres", async ({ page }) => {
    expect(baseUrl, "TEST_DATABASE_URL must be set when CI=true").toBeTruthy();
    const name = `repogrant_e2e_${randomBytes(6).toString("hex")}`;
    const admin = postgres(baseUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(baseUrl!);
    url.pathname = `/${name}`;
    const port = E2E_PORT + 2;
    rmSync(`${E2E_DATA_DIR}-pg`, { recursive: true, force: true });
    const server = startServerProcess(port, {
      DATABASE_URL: url.toString(),
      DATA_DIR: `${E2E_DATA_DIR}-pg`,
      SANDBOX: "1",
      SANDBOX_GITHUB_PORT: "0",
    });
    try {
      expect(await waitForHealth(`http://localhost:${port}`)).toEqual({
        ok: true,
        database: "postgres",
        migrations: "current",
      });
      await page.goto(`http://localhost:${port}/`);
      await expect(page.getByRole("heading", { name: "Products" })).toBeVisible();
    } finally {
      await server.stop();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
