import { describe, expect, it } from "vitest";
import { OPENAPI_OPERATIONS } from "./openapi-operations";
import { operationDocs, schemaErrors } from "./openapi-validator";
import { ROUTES } from "./router";
import {
  appJwt,
  callApi,
  useGithubEmulator,
  startTestEmulator,
} from "@/test/support/github-emulator";

// App, team, organization and custom-role bodies checked against GitHub's OpenAPI description.

const github = useGithubEmulator();
type Options = Parameters<typeof callApi>[3];

function expectValid(template: string, method: string, status: number, body: unknown) {
  expect(
    schemaErrors(template, method, status, body),
    `${method.toUpperCase()} ${template}`,
  ).toEqual([]);
}

async function checked(
  method: string,
  template: string,
  path: string,
  status: number,
  options?: Options,
) {
  const response = await callApi(github(), method, path, options);
  expect(response.status, `${method} ${path}`).toBe(status);
  if (status !== 204) expectValid(template, method.toLowerCase(), status, response.body);
  return response.body;
}

it("every emulated route is an operation of the fixture, with GitHub's documentation URL", () => {
  const listed = new Set(OPENAPI_OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`));
  for (const route of ROUTES) {
    const key = `${route.method} ${route.template}`;
    expect(listed.has(key), key).toBe(true);
    expect(operationDocs(route.template, route.method.toLowerCase()), key).toBe(route.docs);
  }
});

describe("success bodies match GitHub's OpenAPI schemas", () => {
  it("for the App's JWT endpoints and an installation token", async () => {
    const { appId, privateKeyPem } = github().controls.appCredentials("repogrant-sandbox");
    const jwt = appJwt(appId, privateKeyPem, github().controls.now());
    const app = await checked("GET", "/app", "/app", 200, { token: jwt });
    expect(app).toMatchObject({ id: 900001, slug: "repogrant-sandbox" });
    const template = "/repos/{owner}/{repo}/installation";
    const installation = await checked("GET", template, "/repos/acme/toolkit/installation", 200, {
      token: jwt,
    });
    expect(installation).toMatchObject({
      id: 5000001,
      app_slug: "repogrant-sandbox",
      permissions: { administration: "write", members: "write", metadata: "read" },
    });
    await checked("GET", "/orgs/{org}/installation", "/orgs/acme/installation", 200, {
      token: jwt,
    });
    const minted = await checked(
      "POST",
      "/app/installations/{installation_id}/access_tokens",
      "/app/installations/5000001/access_tokens",
      201,
      { token: jwt },
    );
    expect(minted).toMatchObject({ token: expect.stringMatching(/^ghs_\w{36}$/) as unknown });
  });

  it("for teams, memberships, organization invitations and their acceptance", async () => {
    const team = "/orgs/{org}/teams/{team_slug}";
    const membership = `${team}/memberships/{username}`;
    const body = await checked("GET", team, "/orgs/acme/teams/toolkit-users", 200);
    expect(body).toMatchObject({ slug: "toolkit-users", organization: { login: "acme" } });

    const base = "/orgs/acme/teams/toolkit-users/memberships";
    await checked("PUT", membership, `${base}/acme-member`, 200, { body: { role: "maintainer" } });
    expect(await checked("GET", membership, `${base}/acme-member`, 200)).toMatchObject({
      role: "maintainer",
      state: "active",
    });
    expect(await checked("PUT", membership, `${base}/octocat`, 200)).toMatchObject({
      role: "member",
      state: "pending",
    });
    expect(await checked("GET", membership, `${base}/octocat`, 200)).toMatchObject({
      state: "pending",
    });
    const invitations = await checked(
      "GET",
      "/orgs/{org}/invitations",
      "/orgs/acme/invitations",
      200,
    );
    expect(invitations).toEqual([expect.objectContaining({ login: "octocat", team_count: 1 })]);

    const own = "/user/memberships/orgs/{org}";
    const asOctocat = { token: "sandbox-token-octocat" };
    expect(await checked("GET", own, "/user/memberships/orgs/acme", 200, asOctocat)).toMatchObject({
      state: "pending",
      role: "member",
    });
    const accepted = await checked("PATCH", own, "/user/memberships/orgs/acme", 200, {
      ...asOctocat,
      body: { state: "active" },
    });
    expect(accepted).toMatchObject({ state: "active", user: { login: "octocat" } });
    expect(await checked("GET", membership, `${base}/octocat`, 200)).toMatchObject({
      state: "active",
    });
    await checked("DELETE", membership, `${base}/octocat`, 204);
  });

  it("for the organization, its members' memberships, team members and leaving the org", async () => {
    const full = await checked("GET", "/orgs/{org}", "/orgs/acme", 200);
    expect(full).toMatchObject({ login: "acme", default_repository_permission: "read" });
    // The base role is an owner's view: another member sees the public fields only.
    const asMember = { token: "sandbox-token-acme-member" };
    const seen = await checked("GET", "/orgs/{org}", "/orgs/acme", 200, asMember);
    expect(seen).not.toHaveProperty("default_repository_permission");

    await callApi(github(), "PUT", "/orgs/acme/teams/toolkit-users/memberships/octocat");
    const membership = "/orgs/{org}/memberships/{username}";
    expect(await checked("GET", membership, "/orgs/acme/memberships/octocat", 200)).toMatchObject({
      state: "pending",
      user: { login: "octocat" },
    });
    await callApi(github(), "PATCH", "/user/memberships/orgs/acme", {
      token: "sandbox-token-octocat",
      body: { state: "active" },
    });
    const members = await checked(
      "GET",
      "/orgs/{org}/teams/{team_slug}/members",
      "/orgs/acme/teams/toolkit-users/members",
      200,
    );
    expect(members).toEqual([expect.objectContaining({ login: "octocat", role: "member" })]);

    await checked("DELETE", membership, "/orgs/acme/memberships/octocat", 204);
    // Leaving the organization ends its team memberships and its base role's access.
    expect((await callApi(github(), "GET", "/orgs/acme/members/octocat")).status).toBe(404);
    expect(await callApi(github(), "GET", "/orgs/acme/teams/toolkit-users/members")).toMatchObject({
      body: [],
    });
    const check = await callApi(github(), "GET", "/repos/acme/toolkit/collaborators/octocat");
    expect(check.status).toBe(404);
    expect((await callApi(github(), "DELETE", "/orgs/acme/memberships/octocat")).status).toBe(404);
    // Only an owner may remove someone from the organization.
    const denied = await callApi(github(), "DELETE", "/orgs/acme/memberships/acme-admin", asMember);
    expect(denied.status).toBe(403);
  });

  it("for custom repository roles, listed on GHES only", async () => {
    const path = "/orgs/acme/custom-repository-roles";
    expect((await callApi(github(), "GET", path)).status).toBe(404);
    const ghes = await startTestEmulator({ mode: "ghes" });
    try {
      const listed = await callApi(ghes, "GET", path);
      expect(listed.status).toBe(200);
      expectValid("/orgs/{org}/custom-repository-roles", "get", 200, listed.body);
      expect(listed.body).toMatchObject({
        total_count: 1,
        custom_roles: [{ name: "toolkit-reader", base_role: "read" }],
      });
    } finally {
      await ghes.close();
    }
  });
});
