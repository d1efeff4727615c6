import { and, asc, eq } from "drizzle-orm";
import { grantEvents, grants } from "../../../lib/db/schema";
import { describeGrantStatus } from "../../../lib/grants/describe-grant-status";
import { GITHUB_ERROR_CODES } from "../../../lib/github/error-codes";
import { paidRange, permissionRank } from "./model";
import { ACCOUNTS } from "./steps";
import { invitationOf, REPO, type AccessWorld } from "./world";

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60_000;
const WRITE_METHODS = new Set(["PUT", "PATCH", "DELETE", "POST"]);
// Statuses in which a grant rests until someone acts: each must tell the merchant why.
const RESTING = new Set(["waiting_for_github", "expired", "declined", "failed", "revoked"]);

/**
 * What must hold once a history has settled, read from GitHub (the emulator's state and request
 * log) and from our audit trail. Returns one sentence per violation; none means it held.
 */
export async function accessViolations(world: AccessWorld): Promise<string[]> {
  return [
    ...accessMatchesPayments(world),
    ...(await invitedOncePerOrder(world)),
    ...(await everyWriteRecorded(world)),
    ...(await everyRestingGrantExplained(world)),
  ];
}

/**
 * Exactly the accounts with paid, unrefunded orders have access (or an open invitation to it,
 * not yet accepted), each with the strongest role those orders pay for; nobody else we invited
 * keeps access or an open invitation. Orders whose access someone ended on GitHub (declined,
 * removed by the merchant) need not be given again, but nothing exceeds what is paid for.
 */
function accessMatchesPayments(world: AccessWorld): string[] {
  const { state, repo } = world.toolkit();
  const now = world.emulator.controls.now();
  const problems: string[] = [];
  for (const login of ACCOUNTS) {
    const id = world.account(login).id;
    const role = repo.collaborators.find((c) => c.userId === id)?.role ?? null;
    const invitations = state.invitations
      .filter((i) => i.repoId === repo.id && i.inviteeId === id)
      .filter((i) => now < i.createdAt + INVITATION_LIFETIME_MS)
      .map((i) => i.role);
    const { least, most } = paidRange(world.model, login);
    const holds = `${login} holds ${role ?? "no role"} on ${REPO.owner}/${REPO.repo} and ${invitations.length ? `open invitations for ${invitations.join(", ")}` : "no open invitation"}`;
    const held = [role, ...invitations].filter((r) => r !== null);
    if (!most) {
      if (held.length > 0) problems.push(`${holds}, but has no paid order left`);
      continue;
    }
    if (held.some((r) => permissionRank(r) > permissionRank(most))) {
      problems.push(`${holds}, more than the ${most} paid for`);
      continue;
    }
    if (!least) continue;
    // Access, or else an invitation to it; each at least what the orders still owe.
    const given = role ? [role] : invitations;
    if (given.length === 0 || given.some((r) => permissionRank(r) < permissionRank(least))) {
      problems.push(`${holds}; paid orders still owe ${least}`);
    }
  }
  return problems;
}

/**
 * No grant is sent a new invitation for its order while the one it was sent before could still
 * be accepted: only once it expired, or was answered or deleted on GitHub — including one
 * created just before a crash, which the grant never learnt of.
 */
async function invitedOncePerOrder(world: AccessWorld): Promise<string[]> {
  const events = await world.db
    .select({ grantId: grantEvents.grantId, at: grantEvents.at, detail: grantEvents.detail })
    .from(grantEvents)
    .where(and(eq(grantEvents.kind, "invite"), eq(grantEvents.githubStatus, 201)));
  const created = new Map<number, Array<{ at: number; id?: number }>>();
  const add = (grantId: number, at: number, id?: number) =>
    created.set(grantId, [...(created.get(grantId) ?? []), { at, id }]);
  for (const event of events) add(event.grantId, event.at.getTime(), invitationOf(event.detail));
  for (const crashed of world.crashedWrites) {
    if (crashed.operation === "invite" && crashed.status === 201 && crashed.grantId !== undefined) {
      add(crashed.grantId, crashed.at, crashed.invitationId);
    }
  }
  const deleted = new Map<number, number>();
  for (const entry of world.emulator.requestLog.entries) {
    const id = /\/invitations\/(\d+)$/.exec(entry.path)?.[1];
    if (entry.method === "DELETE" && entry.status === 204 && id) deleted.set(Number(id), entry.at);
  }
  const closedAt = (invitation: { at: number; id?: number }) =>
    Math.min(
      invitation.at + INVITATION_LIFETIME_MS,
      (invitation.id !== undefined && world.answeredInvitations.get(invitation.id)) || Infinity,
      (invitation.id !== undefined && deleted.get(invitation.id)) || Infinity,
    );
  const problems: string[] = [];
  for (const [grantId, invitations] of created) {
    invitations.sort((a, b) => a.at - b.at);
    for (let i = 1; i < invitations.length; i += 1) {
      const before = invitations[i - 1]!;
      if (invitations[i]!.at < closedAt(before)) {
        problems.push(
          `grant ${grantId} was sent a new invitation at ${new Date(invitations[i]!.at).toISOString()} while invitation ${before.id} from ${new Date(before.at).toISOString()} could still be accepted`,
        );
      }
    }
  }
  return problems;
}

/**
 * Every write GitHub accepted from the engine has its grant_events row carrying GitHub's
 * request id; a write answered just before a crash has at least the row reserved before it.
 */
async function everyWriteRecorded(world: AccessWorld): Promise<string[]> {
  const recorded = new Set(
    (await world.db.select({ requestId: grantEvents.requestId }).from(grantEvents)).flatMap((e) =>
      e.requestId ? [e.requestId] : [],
    ),
  );
  const reservedBeforeCrash = new Set(
    world.crashedWrites.flatMap((c) => (c.grantId !== undefined ? c.requestIds : [])),
  );
  return world.emulator.requestLog.entries
    .filter((entry) => WRITE_METHODS.has(entry.method) && entry.status < 300)
    .filter((entry) => !entry.path.startsWith("/_emulator"))
    .filter((entry) => !world.merchantRequests.has(entry.requestId))
    .filter((entry) => !recorded.has(entry.requestId) && !reservedBeforeCrash.has(entry.requestId))
    .map(
      (entry) =>
        `${entry.method} ${entry.path} (${entry.status}, request ${entry.requestId}) has no grant_events row`,
    );
}

/** A grant at rest carries a reason the merchant can read, never a blank or a raw code. */
async function everyRestingGrantExplained(world: AccessWorld): Promise<string[]> {
  const rows = await world.db.select().from(grants).orderBy(asc(grants.id));
  const problems: string[] = [];
  for (const grant of rows) {
    const waitingForQuota = grant.status === "queued" && grant.lastError !== null;
    if (!RESTING.has(grant.status) && !waitingForQuota) continue;
    const words = describeGrantStatus(grant, "merchant");
    const text = `${words.label} ${words.sentence} ${words.fix ?? ""}`;
    const reasonKnown =
      grant.status === "failed" || waitingForQuota
        ? grant.lastError !== null &&
          (grant.lastError.code in GITHUB_ERROR_CODES ||
            grant.lastError.code === "waiting_for_daily_invite_limit")
        : grant.status === "revoked"
          ? Boolean(grant.revokeReason ?? grant.lastError?.message)
          : true;
    if (!reasonKnown || /undefined|null|\[object/i.test(text) || words.sentence.trim() === "") {
      problems.push(
        `grant ${grant.id} (${grant.status}) tells the merchant "${words.label}: ${words.sentence}" (last error ${JSON.stringify(grant.lastError)}, revoke reason ${JSON.stringify(grant.revokeReason)})`,
      );
    }
  }
  return problems;
}
