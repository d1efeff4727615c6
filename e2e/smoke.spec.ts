import { expect, test } from "@playwright/test";

test("a visitor opens the storefront and the server reports a healthy embedded database", async ({
  page,
  request,
}) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ ok: true, database: "pglite", migrations: "current" });

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Products" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Repogrant" })).toBeVisible();
  await page.screenshot({ path: "test-results/storefront.png", fullPage: true });
});
