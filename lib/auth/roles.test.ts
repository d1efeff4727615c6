import { describe, expect, it } from "vitest";
import { resolveRole, type RoleFacts } from "./roles";

const octocat: RoleFacts = {
  logtoUserId: "sbxoctocat01",
  verifiedEmail: "octocat@github.com",
  githubLogin: "octocat",
  roles: [],
};

describe("who is a merchant", () => {
  it("is listed in MERCHANT_USERS by Logto user id", () => {
    expect(resolveRole(octocat, ["sbxoctocat01"])).toBe("merchant");
    expect(resolveRole(octocat, ["logto:sbxoctocat01"])).toBe("merchant");
    expect(resolveRole(octocat, ["SBXOCTOCAT01"])).toBe("buyer");
  });

  it("is listed by verified email, in any letter case", () => {
    expect(resolveRole(octocat, ["someone@acme.test", "OctoCat@GitHub.com"])).toBe("merchant");
  });

  it("never counts an unverified email", () => {
    const unverified = { ...octocat, verifiedEmail: null };
    expect(resolveRole(unverified, ["octocat@github.com"])).toBe("buyer");
  });

  it("is listed by GitHub login, bare or prefixed", () => {
    expect(resolveRole(octocat, ["Octocat"])).toBe("merchant");
    expect(resolveRole(octocat, ["github:octocat"])).toBe("merchant");
    // A prefix says which kind of name it is: a GitHub login is not a Logto id.
    expect(resolveRole(octocat, ["logto:octocat"])).toBe("buyer");
    expect(resolveRole({ ...octocat, githubLogin: null }, ["octocat"])).toBe("buyer");
  });

  it("holds the Logto role merchant", () => {
    expect(resolveRole({ ...octocat, roles: ["support", "merchant"] }, [])).toBe("merchant");
    expect(resolveRole({ ...octocat, roles: ["Merchant-ish"] }, [])).toBe("buyer");
  });

  it("everyone else who signs in is a buyer", () => {
    expect(resolveRole(octocat, [])).toBe("buyer");
    expect(resolveRole(octocat, ["hubot", "merchant@acme.test", "sbxmerchant1"])).toBe("buyer");
  });
});
