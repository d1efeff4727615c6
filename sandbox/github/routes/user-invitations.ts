import type { RequestContext, Route } from "../context";
import { notFound } from "../errors";
import { requireNotInstallation, requireNumber } from "../guards";
import { answerInvitation } from "../mutations";
import { paginate } from "../paginate";
import { invitation } from "../serialize-repo";

const DOCS = "https://docs.github.com/rest/collaborators/invitations";

/** The invitee's side, called with the invitee's own token. */
export const userInvitationRoutes: Route[] = [
  {
    method: "GET",
    template: "/user/repository_invitations",
    docs: `${DOCS}#list-repository-invitations-for-the-authenticated-user`,
    handle(ctx) {
      const { user } = requireNotInstallation(ctx);
      const { state } = ctx.core;
      const now = ctx.core.now();
      const items = state.invitations
        .filter((i) => i.inviteeId === user.id)
        .map((i) => invitation(state, i, ctx.api, now));
      return paginate(ctx, items);
    },
  },
  {
    method: "PATCH",
    template: "/user/repository_invitations/{invitation_id}",
    docs: `${DOCS}#accept-a-repository-invitation`,
    handle: (ctx) => answer(ctx, "accept"),
  },
  {
    method: "DELETE",
    template: "/user/repository_invitations/{invitation_id}",
    docs: `${DOCS}#decline-a-repository-invitation`,
    handle: (ctx) => answer(ctx, "decline"),
  },
];

function answer(ctx: RequestContext, choice: "accept" | "decline") {
  const { user } = requireNotInstallation(ctx);
  const id = requireNumber(ctx, "invitation_id");
  const record = ctx.core.state.invitations.find((i) => i.id === id && i.inviteeId === user.id);
  // GitHub's page for an expired invitation says it "couldn't find that repository invitation".
  if (!record || answerInvitation(ctx.core, record, choice) === "not_found") {
    throw notFound(ctx.docs);
  }
  ctx.core.commit();
  return { status: 204 };
}
