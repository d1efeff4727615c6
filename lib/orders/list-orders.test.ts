import { expect, it } from "vitest";
import { seedSmallShop } from "@/test/support/order-fixtures";
import { describeEachDatabase } from "../../test/support/database";
import { listOrders } from "./list-orders";
import { orderListFilterSchema, type OrderListFilterInput } from "./order-list-filter";

describeEachDatabase("the merchant's orders table", (database) => {
  let shop: Awaited<ReturnType<typeof seedSmallShop>>;
  const list = (input: OrderListFilterInput = {}) =>
    listOrders(database.db(), orderListFilterSchema.parse(input));
  const ids = async (input: OrderListFilterInput = {}) => (await list(input)).rows.map((r) => r.id);

  it("shows the newest orders first, one page at a time, with how many there are", async () => {
    shop = await seedSmallShop(database.db());
    const first = await list({ size: "25" });
    expect(first.rows.map((r) => r.id)).toEqual([
      "ord-f",
      "ord-e",
      "ord-d",
      "ord-c",
      "ord-b",
      "ord-a",
    ]);
    expect(first).toMatchObject({ total: 6, page: 1, pageCount: 1 });
    expect(first.rows[0]).toMatchObject({
      productName: "Toolkit",
      buyerLogin: "hubot",
      amount: 9900,
      status: "paid",
      grantStatuses: ["failed"],
    });
    // An email-only buyer is shown by the address the order named.
    expect(first.rows.find((r) => r.id === "ord-c")).toMatchObject({
      buyerLogin: null,
      buyerEmail: "ada@example.test",
      grantStatuses: [],
    });
  });

  it("filters by status, product and an inclusive date range", async () => {
    expect(await ids({ status: "paid" })).toEqual(["ord-f", "ord-b", "ord-a"]);
    expect(await ids({ product: shop.handbook.id })).toEqual(["ord-e", "ord-b"]);
    expect(await ids({ status: "paid", product: shop.toolkit.id })).toEqual(["ord-f", "ord-a"]);
    expect(await ids({ from: "2026-11-20", to: "2026-11-20" })).toHaveLength(6);
    expect(await ids({ from: "2026-11-21" })).toEqual([]);
    expect(await ids({ to: "2026-11-19" })).toEqual([]);
  });

  it("finds orders by GitHub login, email, order id and external id, ignoring case", async () => {
    expect(await ids({ q: "@HUBOT" })).toEqual(["ord-f", "ord-e", "ord-a"]);
    expect(await ids({ q: "octo@example.test" })).toEqual(["ord-d", "ord-b"]);
    expect(await ids({ q: "ADA@example.test" })).toEqual(["ord-c"]);
    expect(await ids({ q: "ord-d" })).toEqual(["ord-d"]);
    expect(await ids({ q: "ext-b" })).toEqual(["ord-b"]);
    expect(await ids({ q: "nobody" })).toEqual([]);
    // Search and filters combine.
    expect(await ids({ q: "hubot", status: "paid" })).toEqual(["ord-f", "ord-a"]);
  });

  it("sorts by amount and by payment date with unpaid orders last either way", async () => {
    expect(await ids({ sort: "amount", dir: "asc" })).toEqual([
      "ord-e",
      "ord-b",
      "ord-d",
      "ord-a",
      "ord-f",
      "ord-c",
    ]);
    expect(await ids({ sort: "amount", dir: "desc" })).toEqual([
      "ord-f",
      "ord-a",
      "ord-d",
      "ord-b",
      "ord-e",
      "ord-c",
    ]);
    expect((await ids({ sort: "paid", dir: "desc" })).slice(0, 4)).toEqual([
      "ord-f",
      "ord-d",
      "ord-b",
      "ord-a",
    ]);
    expect((await ids({ sort: "paid", dir: "asc" })).slice(0, 4)).toEqual([
      "ord-a",
      "ord-b",
      "ord-d",
      "ord-f",
    ]);
    expect((await ids({ sort: "created", dir: "asc" }))[0]).toBe("ord-a");
  });

  it("pages through the rows without repeating or skipping one", async () => {
    const size = 25;
    const page = await list({ size: String(size), page: "2" });
    expect(page).toMatchObject({ rows: [], total: 6, page: 2, pageCount: 1 });
  });
});

it("refuses a malformed filter from the URL, naming the field", () => {
  const parsed = orderListFilterSchema.safeParse({
    status: "shipped",
    from: "yesterday",
    size: "7",
  });
  expect(parsed.success).toBe(false);
  const fields = parsed.error!.issues.map((issue) => issue.path.join("."));
  expect(fields).toEqual(expect.arrayContaining(["status", "from", "size"]));
});
