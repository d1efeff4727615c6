import { expect, it } from "vitest";
import { seedSmallShop } from "@/test/support/order-fixtures";
import { describeEachDatabase } from "../../test/support/database";
import { csvField, exportOrdersCsv } from "./export-orders-csv";
import { orderListFilterSchema } from "./order-list-filter";

async function collect(chunks: AsyncGenerator<string>) {
  let text = "";
  let count = 0;
  for await (const chunk of chunks) {
    text += chunk;
    count += 1;
  }
  return { lines: text.trimEnd().split("\r\n"), chunks: count };
}

describeEachDatabase("the orders CSV export", (database) => {
  it("exports exactly the current filter, newest first, in batches", async () => {
    const db = database.db();
    await seedSmallShop(db);
    const all = await collect(exportOrdersCsv(db, orderListFilterSchema.parse({}), 2));
    expect(all.lines[0]).toBe(
      "order_id,created_at,paid_at,refunded_at,status,source,external_id,amount,currency,product,github_login,email",
    );
    expect(all.lines.slice(1).map((line) => line.split(",")[0])).toEqual([
      "ord-f",
      "ord-e",
      "ord-d",
      "ord-c",
      "ord-b",
      "ord-a",
    ]);
    // Header, then three batches of two: nothing was held back to be sent at the end.
    expect(all.chunks).toBe(4);
    expect(all.lines[1]).toBe(
      "ord-f,2026-11-20T14:00:00.000Z,2026-11-20T14:00:00.000Z,,paid,orders,EXT-F,9900,USD,Toolkit,hubot,",
    );

    const paidByHubot = await collect(
      exportOrdersCsv(db, orderListFilterSchema.parse({ status: "paid", q: "hubot" })),
    );
    expect(paidByHubot.lines.slice(1).map((line) => line.split(",")[0])).toEqual([
      "ord-f",
      "ord-a",
    ]);
  });
});

it("quotes what needs quoting and defuses spreadsheet formulas", () => {
  expect(csvField('Acme, "Pro"')).toBe('"Acme, ""Pro"""');
  expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  expect(csvField("@hubot")).toBe("'@hubot");
  expect(csvField(null)).toBe("");
  expect(csvField(4900)).toBe("4900");
});
