import type { Database } from "../db/types";
import { settleAccess, type AccessHint } from "../grants";
import type { FulfillmentGithub } from "./github-port";

/**
 * A `member` or `membership` webhook is a hint, never a fact: anyone holding one signed body
 * can send it again, and a late one may describe a past purchase. We ask GitHub what the
 * account holds on the target now and settle from that answer alone. A pending team
 * membership settles nothing. Returns the grants changed.
 */
export async function checkMemberAccess(
  db: Database,
  github: FulfillmentGithub,
  hint: AccessHint,
  clock: () => Date,
): Promise<number[]> {
  const { target, member } = hint;
  let hasAccess: boolean;
  if ("org" in target) {
    const membership = await github.teamMembership({ ...target, username: member.login });
    // Unanswered: the sync asks again on its next pass.
    if (!membership.ok || membership.value?.state === "pending") return [];
    hasAccess = membership.value?.state === "active";
  } else {
    const access = await github.collaboratorAccess({ ...target, username: member.login });
    if (!access.ok) return [];
    hasAccess = access.value.isCollaborator;
  }
  return settleAccess(
    db,
    { target, account: member, hasAccess, via: "github_webhook_checked" },
    clock(),
  );
}
