import { verify } from "@octokit/webhooks-methods";
import { z } from "zod";
import type { Database } from "../db/types";
import { applyMemberEvent, type MemberEvent } from "../grants";
import { logWebhookRejection } from "./log-rejection";
import { BodyTooLarge, readLimitedBody } from "./read-limited-body";
import { recordDelivery } from "./record-delivery";
import type { WebhookAnswer } from "./webhook-answer";

const SOURCE = "github";
// GitHub caps webhook payloads at 25 MB; member events are a few KB.
const MAX_BODY_BYTES = 25 * 1024 * 1024;

const account = z.object({ id: z.number().int(), login: z.string() });
const action = z.enum(["added", "removed"]);

const memberPayload = z
  .object({
    action,
    member: account,
    repository: z.object({ name: z.string(), owner: z.object({ login: z.string() }) }),
  })
  .transform(({ action, member, repository }): MemberEvent => ({
    action,
    member,
    target: { owner: repository.owner.login, repo: repository.name },
  }));

const membershipPayload = z
  .object({
    action,
    scope: z.literal("team"),
    member: account,
    team: z.object({ slug: z.string() }),
    organization: z.object({ login: z.string() }),
  })
  .transform(({ action, member, team, organization }): MemberEvent => ({
    action,
    member,
    target: { org: organization.login, teamSlug: team.slug },
  }));

/** The events that move a grant, read into one shape; any other event is not ours. */
function memberEventOf(event: string | null, json: unknown): MemberEvent | null {
  const schema =
    event === "member" ? memberPayload : event === "membership" ? membershipPayload : null;
  const parsed = schema?.safeParse(json);
  return parsed?.success ? parsed.data : null;
}

/**
 * POST /api/webhooks/github: X-Hub-Signature-256 over the raw body, deduplicated on
 * X-GitHub-Delivery in the same transaction as the grant change. Events we don't act on are
 * acknowledged (200) so GitHub does not retry them.
 */
export async function receiveGithubWebhook(
  db: Database,
  request: Request,
  options: { secret: string | undefined; now: Date },
): Promise<WebhookAnswer> {
  const deliveryId = request.headers.get("x-github-delivery");
  const refuse = async (status: number, error: string) => {
    await logWebhookRejection(
      db,
      { source: SOURCE, deliveryId, httpStatus: status, reason: error },
      options.now,
    );
    return { status, body: { error } };
  };
  if (!options.secret)
    return refuse(503, "GITHUB_WEBHOOK_SECRET is not set: GitHub webhooks cannot be verified");
  let raw: string;
  try {
    raw = await readLimitedBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return refuse(413, "body too large");
    throw error;
  }
  const signature = request.headers.get("x-hub-signature-256") ?? "";
  if (!signature || !(await verify(options.secret, raw, signature).catch(() => false))) {
    return refuse(401, "missing or wrong X-Hub-Signature-256");
  }
  if (!deliveryId) return refuse(400, "missing X-GitHub-Delivery header");

  const event = request.headers.get("x-github-event");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return refuse(400, "body is not valid JSON");
  }
  const member = memberEventOf(event, json);
  if (!member) return { status: 200, body: { ok: true, ignored: true } };
  const changed = await db.transaction(async (tx) => {
    const fresh = await recordDelivery(tx, {
      source: SOURCE,
      deliveryId,
      type: `${event}.${member.action}`,
      receivedAt: options.now,
    });
    if (!fresh) return null;
    return applyMemberEvent(tx, member, options.now);
  });
  return {
    status: 200,
    body: { ok: true, duplicate: changed === null, grantsChanged: changed?.length ?? 0 },
  };
}
