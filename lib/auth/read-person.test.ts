import { describe, expect, it } from "vitest";
import { readPerson } from "./read-person";

// The shape Logto's /oidc/me answers for a user registered through the GitHub connector 1.4.0+.
const octocatUserInfo = {
  sub: "sbxoctocat01",
  name: "The Octocat",
  picture: "https://avatars.githubusercontent.com/u/583231",
  username: null,
  email: "octocat@github.com",
  email_verified: true,
  roles: [],
  identities: {
    github: {
      userId: "583231",
      details: {
        id: "583231",
        name: "The Octocat",
        email: "octocat@github.com",
        rawData: {
          userInfo: { login: "octocat", id: 583231, html_url: "https://github.com/octocat" },
          userEmails: [{ email: "octocat@github.com", primary: true, verified: true }],
        },
      },
    },
  },
  sso_identities: [],
};

describe("reading who signed in from Logto's claims", () => {
  it("reads the GitHub id and login from the current connector shape", () => {
    expect(readPerson(octocatUserInfo)).toEqual({
      logtoUserId: "sbxoctocat01",
      name: "The Octocat",
      avatarUrl: "https://avatars.githubusercontent.com/u/583231",
      verifiedEmail: "octocat@github.com",
      github: { userId: 583231, login: "octocat" },
      roles: [],
    });
  });

  it("falls back to rawData.login, the shape of records from early 2024", () => {
    const legacy = {
      sub: "sbxlegacy001",
      name: "Legacy Buyer",
      identities: {
        github: { userId: "1000003", details: { rawData: { login: "legacy-buyer", id: 1000003 } } },
      },
    };
    expect(readPerson(legacy)?.github).toEqual({ userId: 1000003, login: "legacy-buyer" });
  });

  it("keeps the id when a record is older still and has no login at all", () => {
    const oldest = { sub: "u1", identities: { github: { userId: "42", details: { id: "42" } } } };
    expect(readPerson(oldest)?.github).toEqual({ userId: 42, login: null });
  });

  it("has no GitHub identity without identities (an email sign-in, or an ID token)", () => {
    const merchant = {
      sub: "sbxmerchant1",
      name: null,
      username: "merchant",
      email: "merchant@acme.test",
      email_verified: true,
    };
    expect(readPerson(merchant)).toMatchObject({
      name: "merchant",
      verifiedEmail: "merchant@acme.test",
      github: null,
    });
    expect(readPerson({ ...merchant, identities: {} })?.github).toBeNull();
  });

  it("drops an email Logto has not verified", () => {
    expect(readPerson({ sub: "u1", email: "a@b.test", email_verified: false })?.verifiedEmail).toBe(
      null,
    );
    expect(readPerson({ sub: "u1", email: "a@b.test" })?.verifiedEmail).toBeNull();
  });

  it("ignores GitHub identities and fields it cannot trust instead of failing", () => {
    const odd = {
      sub: "u2",
      picture: "not a url",
      roles: "merchant",
      identities: {
        github: {
          userId: "12abc",
          details: { rawData: { userInfo: { login: "octocat" } } },
        },
      },
    };
    expect(readPerson(odd)).toMatchObject({ avatarUrl: null, roles: [], github: null });
    const badLogin = {
      sub: "u3",
      identities: {
        github: { userId: "7", details: { rawData: { userInfo: { login: "-not valid-" } } } },
      },
    };
    expect(readPerson(badLogin)?.github).toEqual({ userId: 7, login: null });
  });

  it("reads the Logto roles", () => {
    expect(readPerson({ sub: "sbxstaff0001", roles: ["merchant"] })?.roles).toEqual(["merchant"]);
  });

  it("is nobody without a subject", () => {
    expect(readPerson({ name: "no sub" })).toBeNull();
    expect(readPerson(null)).toBeNull();
  });
});
