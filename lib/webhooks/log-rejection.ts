import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { webhookRejections } from "../db/schema";
import type { Database } from "../db/types";

export interface WebhookRejection {
  source: string;
  deliveryId: string | null;
  httpStatus: number;
  reason: string;
  /**
   * True once the signature was verified. Only then is the delivery id the sender's own (kept
   * per delivery) and the detail worth keeping; an unsigned request can be anyone's.
   */
  signed?: boolean;
  detail?: Record<string, unknown>;
}

// Enough to recognise a delivery id or a reason; a stranger's 15 KB header is not kept.
export const KEPT_HEADER_CHARS = 100;
const KEPT_REASON_CHARS = 1000;
const KEPT_DETAIL_CHARS = 8 * 1024;

/**
 * Kept for the merchant to read; never touches webhook_deliveries, so the id stays usable.
 * An identical rejection (same source, status and reason, and for a signed delivery the same
 * id) only counts again, so repeated requests cannot grow the table. Logging never fails the
 * request: a database that is down or locked still lets the caller answer its 4xx.
 */
export async function logWebhookRejection(db: Database, rejection: WebhookRejection, now: Date) {
  const reason = withoutNul(rejection.reason.slice(0, KEPT_REASON_CHARS));
  const deliveryId = withoutNul(rejection.deliveryId?.slice(0, KEPT_HEADER_CHARS) ?? null);
  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify([
        rejection.httpStatus,
        reason,
        rejection.signed ? rejection.deliveryId : null,
      ]),
    )
    .digest("hex");
  try {
    await db
      .insert(webhookRejections)
      .values({
        source: rejection.source,
        deliveryId,
        httpStatus: rejection.httpStatus,
        reason,
        detail: rejection.signed ? boundedDetail(rejection.detail) : {},
        fingerprint,
        receivedAt: now,
        lastReceivedAt: now,
      })
      .onConflictDoUpdate({
        target: [webhookRejections.source, webhookRejections.fingerprint],
        set: {
          repeatCount: sql`${webhookRejections.repeatCount} + 1`,
          lastReceivedAt: now,
          deliveryId,
        },
      });
  } catch (error) {
    // The error's text may quote the values; the request it came from is not ours to log.
    const code = (error as { code?: unknown }).code;
    console.error(
      `[webhooks] could not log a ${rejection.httpStatus} ${rejection.source} rejection` +
        (typeof code === "string" ? ` (database error ${code})` : ""),
    );
  }
}

/**
 * The signed sender's detail (its body, for a schema error), cut to a size worth reading.
 * PostgreSQL's text and jsonb refuse NUL, so it is shown as U+FFFD instead.
 */
function boundedDetail(detail: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!detail) return {};
  const text = JSON.stringify(detail).replace(/\\u0000/g, "\\ufffd");
  if (text.length <= KEPT_DETAIL_CHARS) return JSON.parse(text) as Record<string, unknown>;
  return { truncated: text.slice(0, KEPT_DETAIL_CHARS) };
}

function withoutNul<T extends string | null>(value: T): T {
  return (value?.replaceAll("\0", "\ufffd") ?? null) as T;
}
