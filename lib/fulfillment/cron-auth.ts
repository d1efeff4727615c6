import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getConfig } from "../config";

const digest = (value: string) => createHash("sha256").update(value).digest();

export function isAuthorizedCronCall(
  authorization: string | null,
): { ok: true } | { ok: false; status: 401 | 503; error: string } {
  const secret = getConfig().cronSecret;
  if (!secret) return { ok: false, status: 503, error: "CRON_SECRET is not set" };
  const presented = authorization?.match(/^Bearer (.+)$/)?.[1] ?? "";
  // Hashing first gives equal lengths, so the comparison is constant-time for any input.
  if (!timingSafeEqual(digest(presented), digest(secret))) {
    return { ok: false, status: 401, error: "missing or wrong bearer token" };
  }
  return { ok: true };
}
