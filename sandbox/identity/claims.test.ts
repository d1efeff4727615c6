import { describe, expect, it } from "vitest";
import { SignInJourney, useIdentityProvider } from "@/test/support/logto-sandbox";

const provider = useIdentityProvider();
const github = { directSignIn: { method: "social", target: "github" } } as const;

async function userInfoOf(label: string, options = {}) {
  const journey = new SignInJourney(provider());
  await journey.signInAs(label, options);
  return journey.client.fetchUserInfo();
}

describe("userinfo claims, in Logto's shapes", () => {
  it("octocat: the GitHub identity as connector-github ≥ 1.4.0 stores it", async () => {
    const userInfo = await userInfoOf("octocat", github);
    const avatar = `${provider().endpoint}/avatars/sbxoctocat01.svg`;
    expect(userInfo).toMatchObject({
      sub: "sbxoctocat01",
      name: "The Octocat",
      picture: avatar,
      username: null,
      email: "octocat@github.com",
      email_verified: true,
      sso_identities: [],
    });
    const identity = userInfo.identities?.github;
    expect(identity).toMatchObject({
      userId: "583231",
      details: {
        id: "583231",
        name: "The Octocat",
        email: "octocat@github.com",
        avatar,
        rawData: {
          userInfo: {
            login: "octocat",
            id: 583231,
            type: "User",
            html_url: "https://github.com/octocat",
          },
          userEmails: [{ email: "octocat@github.com", primary: true, verified: true }],
        },
      },
    });
    expect(typeof userInfo.created_at).toBe("number");

    const picture = await fetch(avatar);
    expect(picture.headers.get("content-type")).toBe("image/svg+xml");
  });

  it("legacy-buyer: the older shape, the login directly under rawData", async () => {
    const userInfo = await userInfoOf("legacy-buyer", github);
    const details = userInfo.identities?.github?.details as { rawData: Record<string, unknown> };
    expect(userInfo.identities?.github?.userId).toBe("1000003");
    expect(details.rawData).toMatchObject({ login: "legacy-buyer", id: 1000003 });
    expect(details.rawData).not.toHaveProperty("userInfo");
    expect(userInfo.email).toBe("legacy-buyer@example.test");
  });

  it("buyer@example.test: a verified email and no identities", async () => {
    const userInfo = await userInfoOf("buyer@example.test");
    expect(userInfo).toEqual({
      sub: "sbxbuyer0001",
      name: null,
      picture: null,
      username: null,
      created_at: expect.any(Number) as unknown,
      updated_at: expect.any(Number) as unknown,
      email: "buyer@example.test",
      email_verified: true,
      identities: {},
      sso_identities: [],
      roles: [],
    });
  });

  it("gives only the claims of the scopes the app asked for", async () => {
    const journey = new SignInJourney(provider(), []);
    await journey.signInAs("octocat");
    const userInfo = await journey.client.fetchUserInfo();
    expect(userInfo).toHaveProperty("name", "The Octocat");
    expect(userInfo).not.toHaveProperty("email");
    expect(userInfo).not.toHaveProperty("identities");
  });
});
