import { describe, expect, it } from "vitest";
import { emulatorClient } from "@/test/support/emulator-client";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { getRepository } from "./get-repository";
import { getTokenOwner } from "./users";

const github = useGithubEmulator();
const toolkit = { owner: "acme", repo: "toolkit" };

const client = (token?: string) => emulatorClient(github(), token);

describe("getRepository and getTokenOwner", () => {
  it("tells organization repositories from personal ones and whether we administer them", async () => {
    expect(await getRepository(client(), toolkit)).toMatchObject({
      ok: true,
      value: {
        fullName: "acme/toolkit",
        ownerType: "Organization",
        private: true,
        canAdminister: true,
      },
    });
    expect(await getRepository(client(), { owner: "acme-admin", repo: "dotfiles" })).toMatchObject({
      ok: true,
      value: { ownerType: "User", canAdminister: true },
    });
    expect(await getRepository(client("sandbox-token-octocat"), toolkit)).toMatchObject({
      ok: false,
      error: { code: "repo_not_found", status: 404 },
    });
  });

  it("names the token's owner, or reports bad credentials", async () => {
    expect(await getTokenOwner(client())).toMatchObject({
      ok: true,
      value: { login: "acme-admin" },
    });
    expect(await getTokenOwner(client("nope"))).toMatchObject({
      ok: false,
      error: { code: "bad_credentials", kind: "action_required", status: 401 },
    });
  });
});
