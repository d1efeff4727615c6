import { describe, expect, it } from "vitest";
import { seedWithBuyers } from "@/test/support/fulfillment-fixtures";
import { callApi, EMULATOR_START, useGithubEmulator } from "@/test/support/github-emulator";
import { orgInvitationDailyLimit } from "./org-invitation-limit";
import type { OrgRecord } from "./state";

const DAY = 24 * 60 * 60_000;

const org = (createdAt: number, plan: OrgRecord["plan"]) =>
  ({ createdAt: new Date(createdAt).toISOString(), plan }) as OrgRecord;

describe("organization invitation limit (GitHub's docs: 50 a day, 500 when older or paid)", () => {
  it("is 50 for a free organization younger than a month, 500 once older or on a paid plan", () => {
    const now = EMULATOR_START;
    expect(orgInvitationDailyLimit(org(now - DAY, "free"), now)).toBe(50);
    expect(orgInvitationDailyLimit(org(now - 31 * DAY, "free"), now)).toBe(500);
    expect(orgInvitationDailyLimit(org(now - DAY, "team"), now)).toBe(500);
  });

  const seed = seedWithBuyers(52);
  const young = {
    ...seed,
    orgs: (seed.orgs ?? []).map((o) => ({
      ...o,
      createdAt: new Date(EMULATOR_START - DAY).toISOString(),
    })),
  };
  const emulator = useGithubEmulator({ seed: young });
  const addToTeam = (login: string) =>
    callApi(emulator(), "PUT", `/orgs/acme/teams/toolkit-users/memberships/${login}`, {
      body: { role: "member" },
    });

  it("answers the 51st invitation of the day with a 422, a member still joins, and the window frees", async () => {
    for (let i = 1; i <= 50; i++) {
      expect((await addToTeam(`buyer-${String(i).padStart(3, "0")}`)).status).toBe(200);
    }
    const over = await addToTeam("buyer-051");
    expect(over.status).toBe(422);
    expect(JSON.stringify(over.body)).toContain("Over invitation limit");
    // Adding again someone already invited sends no new invitation.
    expect((await addToTeam("buyer-001")).status).toBe(200);
    expect((await addToTeam("acme-member")).status).toBe(200);
    emulator().controls.advanceClock(DAY + 1000);
    expect((await addToTeam("buyer-051")).status).toBe(200);
  });
});
