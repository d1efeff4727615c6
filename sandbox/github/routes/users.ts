import type { Route } from "../context";
import { notFound } from "../errors";
import { requireCaller, requireNotInstallation, requireNumber } from "../guards";
import { orgStanding } from "../org-guards";
import { privateUser, publicUser } from "../serialize-account";
import { accountById, findAccount, findUser, orgMembership } from "../world";

const DOCS = "https://docs.github.com/rest/users/users";

export const userRoutes: Route[] = [
  {
    method: "GET",
    template: "/user",
    docs: `${DOCS}#get-the-authenticated-user`,
    handle(ctx) {
      const { user } = requireNotInstallation(ctx);
      return { status: 200, body: privateUser(ctx.core.state, { ...user, type: "User" }, ctx.api) };
    },
  },
  {
    method: "GET",
    template: "/user/{account_id}",
    docs: `${DOCS}#get-a-user-using-their-id`,
    handle(ctx) {
      const account = accountById(ctx.core.state, requireNumber(ctx, "account_id"));
      if (!account) throw notFound(ctx.docs);
      return { status: 200, body: publicUser(ctx.core.state, account, ctx.api) };
    },
  },
  {
    method: "GET",
    template: "/users/{username}",
    docs: `${DOCS}#get-a-user`,
    handle(ctx) {
      const account = findAccount(ctx.core.state, ctx.params.username ?? "");
      if (!account) throw notFound(ctx.docs);
      return { status: 200, body: publicUser(ctx.core.state, account, ctx.api) };
    },
  },
  {
    // Memberships are private here, so only members (and the org's App) see them; others get
    // 404 (GitHub would redirect them to the public membership check, which answers 404 for
    // private members).
    method: "GET",
    template: "/orgs/{org}/members/{username}",
    docs: "https://docs.github.com/rest/orgs/members#check-organization-membership-for-a-user",
    handle(ctx) {
      requireCaller(ctx);
      const account = findAccount(ctx.core.state, ctx.params.org ?? "");
      if (account?.type !== "Organization") throw notFound(ctx.docs);
      const user = findUser(ctx.core.state, ctx.params.username ?? "");
      const visible = orgStanding(ctx, account) !== null;
      if (!visible || !user || !orgMembership(account, user.id)) throw notFound(ctx.docs);
      return { status: 204 };
    },
  },
];
