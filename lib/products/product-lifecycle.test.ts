import { newOrderId } from "../db/schema";
import { expect, it } from "vitest";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { tokenProvider } from "../github";
import { emulatorClient } from "../../test/support/emulator-client";
import { describeEachDatabase } from "../../test/support/database";
import { listProductsForDashboard } from "./list-products";
import { productFormSchema, type ProductFormInput } from "./product-input";
import { duplicateProduct, setProductActive, setProductArchived } from "./product-lifecycle";
import { saveProduct } from "./save-product";

const github = useGithubEmulator();
const checker = () => tokenProvider(emulatorClient(github()));
const now = new Date("2026-11-29T10:00:00Z");

const form = (overrides: Partial<ProductFormInput> = {}) =>
  productFormSchema.parse({
    name: "Toolkit Pro",
    slug: "toolkit-pro",
    description: "",
    price: "49.90",
    currency: "usd",
    paymentLink: "https://pay.example.test/checkout?ref={orderId}",
    entitlements: [
      { kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" },
      { kind: "github_team", org: "acme", teamSlug: "toolkit-users", teamRole: "member" },
    ],
    ...overrides,
  });

describeEachDatabase("products in the dashboard", (database) => {
  it("a new product is saved off sale, and goes on sale once GitHub confirms every row", async () => {
    const db = database.db();
    const saved = await saveProduct(db, { form: form() }, now);
    expect(saved.ok).toBe(true);
    const productId = (saved as { productId: string }).productId;
    const [listed] = await listProductsForDashboard(db, { archived: false });
    expect(listed).toMatchObject({
      name: "Toolkit Pro",
      priceCents: 4990,
      currency: "USD",
      active: false,
    });
    expect(listed!.entitlements.map((e) => e.kind)).toEqual(["github_repo", "github_team"]);

    const activated = await setProductActive(db, { productId, active: true }, checker, now);
    expect(activated).toMatchObject({ ok: true, active: true });
    // A fine-grained token cannot show "write" without writing, and acme's base role opens
    // every repository to the team's buyers: said, but not blocking.
    expect(activated.checks.map((c) => [c.target, c.verdict])).toEqual([
      ["acme/toolkit", "unverified"],
      ["acme/toolkit-users", "warning"],
    ]);
  });

  it("a slug another product uses is refused next to the slug field", async () => {
    const again = await saveProduct(database.db(), { form: form({ name: "Other" }) }, now);
    expect(again).toMatchObject({
      ok: false,
      fieldErrors: { slug: [expect.stringContaining("taken")] },
    });
  });

  it("a product on a missing repository is saved but cannot go on sale", async () => {
    const db = database.db();
    const saved = await saveProduct(
      db,
      {
        form: form({
          slug: "missing",
          entitlements: [{ kind: "github_repo", owner: "acme", repo: "nope", permission: "pull" }],
        }),
      },
      now,
    );
    const productId = (saved as { productId: string }).productId;
    const refused = await setProductActive(db, { productId, active: true }, checker, now);
    expect(refused.ok).toBe(false);
    expect((refused as { error: string }).error).toMatch(
      /acme\/nope: GitHub could not find the repository/,
    );
    const listed = await listProductsForDashboard(db, { archived: false });
    expect(listed.find((p) => p.slug === "missing")!.active).toBe(false);
  });

  it("a personal repository is a warning, not a refusal: GitHub grants write there", async () => {
    const db = database.db();
    const saved = await saveProduct(
      db,
      {
        form: form({
          slug: "dotfiles",
          entitlements: [
            { kind: "github_repo", owner: "acme-admin", repo: "dotfiles", permission: "push" },
          ],
        }),
      },
      now,
    );
    const productId = (saved as { productId: string }).productId;
    const result = await setProductActive(db, { productId, active: true }, checker, now);
    expect(result.ok).toBe(true);
    expect(result.checks[0]!.verdict).toBe("warning");
    expect(result.checks[0]!.checks.map((c) => c.message).join(" ")).toMatch(/personal account/);
  });

  it("rows are edited in place; duplicating copies them off sale; archiving hides the product", async () => {
    const db = database.db();
    const [product] = (await listProductsForDashboard(db, { archived: false })).filter(
      (p) => p.slug === "toolkit-pro",
    );
    const [repoRow] = product!.entitlements;
    const edited = await saveProduct(
      db,
      {
        id: product!.id,
        form: form({
          entitlements: [
            {
              ...(repoRow as { kind: "github_repo"; owner: string; repo: string }),
              permission: "triage",
            },
          ],
        }),
      },
      now,
    );
    expect(edited.ok).toBe(true);
    const copy = await duplicateProduct(db, product!.id, now);
    expect(copy!.slug).toBe("toolkit-pro-copy");
    expect((await duplicateProduct(db, product!.id, now))!.slug).toBe("toolkit-pro-copy-2");
    const listed = await listProductsForDashboard(db, { archived: false });
    const copied = listed.find((p) => p.id === copy!.id)!;
    expect(copied).toMatchObject({ name: "Toolkit Pro (copy)", active: false });
    expect(copied.entitlements).toEqual([
      {
        id: expect.any(String) as unknown,
        kind: "github_repo",
        owner: "acme",
        repo: "toolkit",
        permission: "triage",
      },
    ]);

    expect(await setProductArchived(db, { productId: product!.id, archived: true }, now)).toBe(
      true,
    );
    expect(
      (await listProductsForDashboard(db, { archived: false })).some((p) => p.id === product!.id),
    ).toBe(false);
    const [archived] = await listProductsForDashboard(db, { archived: true });
    expect(archived).toMatchObject({ id: product!.id, active: false });
  });
});

it("the editor's fields are checked against GitHub's naming rules and the {orderId} link", () => {
  const parsed = productFormSchema.safeParse({
    name: "",
    slug: "Bad Slug",
    price: "4,90",
    currency: "dollars",
    paymentLink: "https://pay.example.test/checkout",
    entitlements: [
      { kind: "github_repo", owner: "-acme", repo: "tool kit", permission: "pull" },
      { kind: "github_team", org: "acme", teamSlug: "Toolkit Users", teamRole: "owner" },
    ],
  });
  expect(parsed.success).toBe(false);
  const fields = parsed.error!.issues.map((issue) => issue.path.join("."));
  expect(fields.sort()).toEqual(
    [
      "currency",
      "entitlements.0.owner",
      "entitlements.0.repo",
      "entitlements.1.teamRole",
      "entitlements.1.teamSlug",
      "name",
      "paymentLink",
      "price",
      "slug",
    ].sort(),
  );
});

it("a provider's payment link must carry the order id where that provider reads it back", () => {
  const check = (paymentProvider: string, paymentLink: string) =>
    productFormSchema.safeParse({
      name: "Toolkit",
      slug: "toolkit",
      price: "49",
      currency: "USD",
      paymentLink,
      paymentProvider,
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
    });
  expect(check("stripe", "https://buy.stripe.com/x?client_reference_id={orderId}").success).toBe(
    true,
  );
  const wrong = check("stripe", "https://buy.stripe.com/x?ref={orderId}").error?.issues[0];
  expect(wrong?.path).toEqual(["paymentLink"]);
  expect(wrong?.message).toContain("client_reference_id={orderId}");
  expect(
    check(
      "lemonsqueezy",
      "https://a.lemonsqueezy.com/checkout/buy/v?checkout[custom][order_id]={orderId}",
    ).success,
  ).toBe(true);
  expect(
    check(
      "lemonsqueezy",
      "https://a.lemonsqueezy.com/checkout/buy/v?checkout%5Bcustom%5D%5Border_id%5D={orderId}",
    ).success,
  ).toBe(true);
  expect(check("polar", "https://buy.polar.sh/polar_cl_x?reference_id={orderId}").success).toBe(
    true,
  );
  expect(
    check("polar", "https://buy.polar.sh/polar_cl_x?client_reference_id={orderId}").success,
  ).toBe(false);
});

it("order ids fit Stripe's client_reference_id, which silently drops anything else", () => {
  for (let n = 0; n < 200; n += 1) expect(newOrderId()).toMatch(/^[A-Za-z0-9_-]{1,200}$/);
});
