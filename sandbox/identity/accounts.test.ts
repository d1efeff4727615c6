import { describe, expect, it } from "vitest";
import { DEFAULT_SEED } from "@/sandbox/github/seed";
import { accountsOffered, SANDBOX_ACCOUNTS } from "./accounts";

describe("sandbox identity seed", () => {
  it("keeps the Logto user ids of the contract", () => {
    expect(SANDBOX_ACCOUNTS.map((a) => a.id)).toEqual([
      "sbxmerchant1",
      "sbxstaff0001",
      "sbxoctocat01",
      "sbxhubot0001",
      "sbxlegacy001",
      "sbxbuyer0001",
    ]);
    for (const account of SANDBOX_ACCOUNTS) expect(account.id).toMatch(/^[a-z0-9]{12}$/);
  });

  it("gives every GitHub identity a user of the GitHub emulator's seed, same id and login", () => {
    const githubUsers = DEFAULT_SEED.users.map(({ login, id }) => ({ login, id }));
    const identities = SANDBOX_ACCOUNTS.flatMap((a) => (a.github ? [a.github] : []));
    expect(identities.map((g) => g.login)).toEqual(["octocat", "hubot", "legacy-buyer"]);
    for (const { login, id } of identities) expect(githubUsers).toContainEqual({ login, id });
  });

  it("offers only GitHub accounts to a direct GitHub sign-in", () => {
    expect(accountsOffered("social:github").map((a) => a.label)).toEqual([
      "octocat",
      "hubot",
      "legacy-buyer",
    ]);
    expect(accountsOffered(undefined)).toHaveLength(6);
  });
});
