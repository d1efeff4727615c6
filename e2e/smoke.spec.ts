import { expect, test } from "@playwright/test";

test("a visitor opens the sandbox storefront and sees the demo product", async ({
  page,
  request,
}) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ ok: true, database: "pglite", migrations: "current" });
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ ok: true });

  await page.goto("/");
  await expect(page.getByRole("status")).toContainText("Sandbox — nothing is sent to GitHub");
  await expect(page.getByRole("heading", { name: "Products" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Acme Toolkit (demo)" })).toBeVisible();
  await expect(page.getByText("pull (read) access to acme/toolkit")).toBeVisible();
  await page.screenshot({ path: "test-results/storefront.png", fullPage: true });
});
