import { expect, it } from "vitest";
import { seedSmallShop } from "@/test/support/order-fixtures";
import { grantEvents, grants } from "../db/schema";
import { describeEachDatabase } from "../../test/support/database";
import { invitationsPerDay, invitationsUsedToday } from "./invitation-activity";

describeEachDatabase("invitation activity for the overview", (database) => {
  it("counts invitations per UTC day and repository, leaving out those GitHub did not create", async () => {
    const db = database.db();
    await seedSmallShop(db);
    const [grant] = await db.select({ id: grants.id }).from(grants).limit(1);
    const now = new Date("2026-11-29T12:00:00Z");
    const invite = (at: string, githubStatus: number | null) => ({
      grantId: grant!.id,
      at: new Date(at),
      kind: "invite",
      githubStatus,
    });
    await db.insert(grantEvents).values([
      invite("2026-11-29T01:00:00Z", 201),
      invite("2026-11-28T23:00:00Z", 201),
      invite("2026-11-28T13:00:00Z", null), // in flight: counts, as the quota counts it
      invite("2026-11-28T10:00:00Z", 422), // GitHub refused: created nothing
      invite("2026-11-10T10:00:00Z", 201), // older than 14 days
    ]);
    const activity = await invitationsPerDay(db, now);
    expect(activity.days).toHaveLength(14);
    expect(activity.days[0]!.day).toBe("2026-11-16");
    expect(activity.days.at(-1)).toEqual({ day: "2026-11-29", perRepo: { "acme/toolkit": 1 } });
    expect(activity.days.at(-2)).toEqual({ day: "2026-11-28", perRepo: { "acme/toolkit": 2 } });
    expect(activity.repos).toEqual(["acme/toolkit"]);
    // The rolling 24 hours the daily limit is counted over, not the calendar day.
    expect(await invitationsUsedToday(db, now)).toEqual([{ repo: "acme/toolkit", used: 3 }]);
  });
});
