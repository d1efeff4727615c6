/**
 * A database error in words safe for logs and responses. Drizzle's own message quotes the
 * query's parameters — buyer logins and emails — so only the driver's cause is kept, and a
 * connection string the driver echoes is cut to its scheme.
 */
export function describeDbError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  const code = (cause as { code?: unknown } | null)?.code;
  const safe = message.startsWith("Failed query:") ? "query failed" : message;
  return (
    safe.replace(/postgres(ql)?:\/\/[^\s]+/g, "postgres://…") +
    (typeof code === "string" ? ` (${code})` : "")
  );
}
