/** What a webhook receiver answers; the route turns it into a response. */
export interface WebhookAnswer<Applied = unknown> {
  status: number;
  body: Record<string, unknown>;
  applied?: Applied;
}

/**
 * The HTTP response for an answer. A 413 is sent before the rest of the body was read; keeping
 * that connection alive would leave the unread bytes to be taken for the next request on it,
 * so the connection is closed instead and the sender's next request opens a fresh one.
 */
export function webhookResponse(answer: WebhookAnswer): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (answer.status === 413) headers.connection = "close";
  return Response.json(answer.body, { status: answer.status, headers });
}
