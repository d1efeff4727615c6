import { verify } from "@octokit/webhooks-methods";
import { z } from "zod";
import type { Database } from "../db/types";
import type { AccessHint } from "../grants";
import { logWebhookRejection } from "./log-rejection";
import { BodyTooLarge, readLimitedBody } from "./read-limited-body";
import { recordDelivery } from "./record-delivery";
import type { WebhookAnswer } from "./webhook-answer";

const SOURCE = "github";
// GitHub caps payloads at 25 MB, but the events we read (member, membership, organization,
// ping) are a few KB each. Reading at most this much before the signature is checked keeps a
// stranger's parallel large bodies from growing memory; an event this large is not one of ours.
export const MAX_GITHUB_BODY_BYTES = 256 * 1024;

const account = z.object({ id: z.number().int(), login: z.string() });
const action = z.enum(["added", "removed"]);

const memberPayload = z
  .object({
    action,
    member: account,
    repository: z.object({ name: z.string(), owner: z.object({ login: z.string() }) }),
  })
  .transform(({ member, repository }): AccessHint => ({
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
  .transform(({ member, team, organization }): AccessHint => ({
    member,
    target: { org: organization.login, teamSlug: team.slug },
  }));

/** The events about an account's access, read into one shape; any other event is not ours. */
function accessHintOf(event: string | null, json: unknown): AccessHint | null {
  const schema =
    event === "member" ? memberPayload : event === "membership" ? membershipPayload : null;
  const parsed = schema?.safeParse(json);
  return parsed?.success ? parsed.data : null;
}

/**
 * POST /api/webhooks/github: X-Hub-Signature-256 over the raw body, deduplicated on
 * X-GitHub-Delivery. A `member`/`membership` event changes no grant: the signature does not
 * cover the delivery id, so a captured body can be replayed, and a late event may describe an
 * earlier purchase. It is returned as a hint (`applied`) for the caller to check on GitHub.
 * Events we don't act on are acknowledged (200) so GitHub does not retry them.
 */
export async function receiveGithubWebhook(
  db: Database,
  request: Request,
  options: { secret: string | undefined; now: Date },
): Promise<WebhookAnswer<AccessHint>> {
  const deliveryId = request.headers.get("x-github-delivery");
  let signed = false;
  const refuse = async (status: number, error: string) => {
    await logWebhookRejection(
      db,
      { source: SOURCE, deliveryId, httpStatus: status, reason: error, signed },
      options.now,
    );
    return { status, body: { error } };
  };
  if (!options.secret)
    return refuse(503, "GITHUB_WEBHOOK_SECRET is not set: GitHub webhooks cannot be verified");
  let raw: string;
  try {
    raw = await readLimitedBody(request, MAX_GITHUB_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return refuse(413, "body larger than 256 KB: not a member, membership or ping event");
    throw error;
  }
  const signature = request.headers.get("x-hub-signature-256") ?? "";
  if (!signature || !(await verify(options.secret, raw, signature).catch(() => false))) {
    return refuse(401, "missing or wrong X-Hub-Signature-256");
  }
  signed = true;
  if (!deliveryId) return refuse(400, "missing X-GitHub-Delivery header");

  const event = request.headers.get("x-github-event");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return refuse(400, "body is not valid JSON");
  }
  const hint = accessHintOf(event, json);
  if (!hint) return { status: 200, body: { ok: true, ignored: true } };
  const action = (json as { action: string }).action;
  const fresh = await recordDelivery(db, {
    source: SOURCE,
    deliveryId,
    type: `${event}.${action}`,
    receivedAt: options.now,
  });
  return {
    status: 200,
    body: { ok: true, duplicate: !fresh, checking: fresh },
    applied: fresh ? hint : undefined,
  };
}
