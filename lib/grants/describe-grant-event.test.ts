import { expect, it } from "vitest";
import { describeGrantEvent } from "./describe-grant-event";

it("says what was sent to GitHub, its answer and request id", () => {
  const words = describeGrantEvent({
    kind: "invite",
    githubStatus: 201,
    requestId: "04E1:2B3C",
    detail: { ok: true, request: "PUT /repos/acme/toolkit/collaborators/hubot" },
  });
  expect(words).toEqual({
    title: "Invitation requested on GitHub",
    github: "PUT /repos/acme/toolkit/collaborators/hubot: GitHub answered 201 (request 04E1:2B3C)",
    explanation: undefined,
  });
});

it("explains a failure with the error-code table's words, not the code", () => {
  const words = describeGrantEvent({
    kind: "failed",
    githubStatus: null,
    requestId: null,
    detail: { code: "repo_not_found", kind: "permanent" },
  });
  expect(words.title).toBe("Gave up");
  expect(words.explanation).toBeTruthy();
  expect(words.explanation).not.toContain("repo_not_found");
});

it("names who asked and how a change was learned", () => {
  expect(
    describeGrantEvent({
      kind: "accepted",
      githubStatus: null,
      requestId: null,
      detail: { via: "github_webhook" },
    }).explanation,
  ).toBe("Reported by GitHub's webhook");
  expect(
    describeGrantEvent({
      kind: "resend_requested",
      githubStatus: null,
      requestId: null,
      detail: { by: "merchant" },
    }).explanation,
  ).toBe("Requested by the merchant");
  // An event kind added later still reads as words.
  expect(
    describeGrantEvent({ kind: "some_new_step", githubStatus: null, requestId: null, detail: {} })
      .title,
  ).toBe("some new step");
});
