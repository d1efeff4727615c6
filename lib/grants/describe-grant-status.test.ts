import { describe, expect, it } from "vitest";
import { GRANT_STATUSES } from "../db/schema";
import { describeGrantStatus, type DescribableGrant } from "./describe-grant-status";

const base: DescribableGrant = {
  status: "queued",
  kind: "github_repo",
  owner: "acme",
  repo: "toolkit",
  permission: "pull",
  org: null,
  teamSlug: null,
  teamRole: null,
  githubLogin: "octocat",
  expiresAt: null,
  nextAttemptAt: null,
  revokeRequestedAt: null,
  revokeReason: null,
  lastError: null,
};
const at = new Date("2026-11-29T12:00:00Z");

describe("describeGrantStatus", () => {
  it("words every status for both audiences without showing a code", () => {
    for (const status of GRANT_STATUSES) {
      for (const audience of ["buyer", "merchant"] as const) {
        const words = describeGrantStatus({ ...base, status }, audience);
        expect(words.label.length).toBeGreaterThan(0);
        // Codes are snake_case ("waiting_for_github", "token_lacks_administration").
        expect(`${words.label} ${words.sentence}`).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      }
    }
  });

  it("sends the buyer to the repository's invitation page and to notifications", () => {
    const words = describeGrantStatus({ ...base, status: "invited", expiresAt: at }, "buyer");
    expect(words.label).toBe("Invitation sent");
    expect(words.nextStep).toEqual({
      kind: "accept_invitation",
      invitationUrl: "https://github.com/acme/toolkit/invitations",
      notificationsUrl: "https://github.com/notifications",
    });
    expect(words.time).toEqual({ prefix: "expires on", at });
  });

  it("sends a team buyer to the organization's invitation page", () => {
    const team = { ...base, kind: "github_team", owner: null, repo: null, permission: null };
    const words = describeGrantStatus(
      { ...team, org: "acme", teamSlug: "toolkit-users", teamRole: "member", status: "invited" },
      "buyer",
    );
    expect(words.nextStep).toMatchObject({
      invitationUrl: "https://github.com/orgs/acme/invitation",
    });
  });

  it("says when a grant waits for the daily invitation limit and until when", () => {
    const words = describeGrantStatus(
      {
        ...base,
        nextAttemptAt: at,
        lastError: { code: "waiting_for_daily_invite_limit", message: "…" },
      },
      "buyer",
    );
    expect(words.sentence).toContain("daily invitation limit");
    expect(words.time).toEqual({ prefix: "expected by", at });
    expect(words.inFlight).toBe(true);
  });

  it("gives the merchant the error table's explanation and fix, the buyer a plain reason", () => {
    const failed = {
      ...base,
      status: "failed" as const,
      lastError: { code: "token_lacks_administration", message: "403" },
    };
    const merchant = describeGrantStatus(failed, "merchant");
    expect(merchant.sentence).toContain("not allowed to manage collaborators");
    expect(merchant.fix).toContain("Administration");
    expect(merchant.nextStep).toEqual({ kind: "retry_now" });
    const buyer = describeGrantStatus(failed, "buyer");
    expect(buyer.sentence).toBe(
      "We couldn't invite you: the seller's GitHub setup needs attention. The seller has been told.",
    );
  });

  it("offers a new invitation for an expired one and says a refund removed access", () => {
    expect(describeGrantStatus({ ...base, status: "expired" }, "buyer").nextStep).toEqual({
      kind: "resend_invitation",
    });
    const refunded = describeGrantStatus(
      { ...base, status: "revoked", revokeRequestedAt: at, revokeReason: "order refunded" },
      "buyer",
    );
    expect(refunded.label).toBe("Access removed (refunded)");
    expect(refunded.inFlight).toBe(false);
  });

  it("shows a refund in progress before the engine has removed the access", () => {
    const words = describeGrantStatus(
      { ...base, status: "active", revokeRequestedAt: at, revokeReason: "order refunded" },
      "buyer",
    );
    expect(words.label).toBe("Removing access");
    expect(words.inFlight).toBe(true);
  });

  it("asks an email-only buyer to sign in with GitHub", () => {
    const words = describeGrantStatus({ ...base, status: "waiting_for_github" }, "buyer");
    expect(words.nextStep).toEqual({ kind: "sign_in_with_github" });
  });
});
