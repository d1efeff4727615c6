import { describe, expect, it } from "vitest";
import { logtoErrorBody } from "./logto-errors";

describe("Logto's error body", () => {
  it("prefixes the OAuth error with oidc. and keeps the OAuth fields", () => {
    expect(
      logtoErrorBody({ error: "invalid_grant", error_description: "grant request is invalid" }),
    ).toEqual({
      code: "oidc.invalid_grant",
      message: "The grant (code or refresh token) is invalid, expired or revoked.",
      error: "invalid_grant",
      error_description: "grant request is invalid",
    });
  });

  it("reports a lost sign-in session as session.not_found, as Logto does", () => {
    expect(
      logtoErrorBody({
        error: "invalid_request",
        error_description: "interaction session not found",
      }).code,
    ).toBe("session.not_found");
    expect(
      logtoErrorBody({
        error: "invalid_request",
        error_description: "authorization request has expired",
      }).code,
    ).toBe("session.not_found");
  });

  it("still gives a readable message for an error without wording of its own", () => {
    expect(logtoErrorBody({ error: "temporarily_unavailable" }).message).toBe(
      "The identity provider answered oidc.temporarily_unavailable.",
    );
  });
});
