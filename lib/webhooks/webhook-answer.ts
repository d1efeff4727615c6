/** What a webhook receiver answers; the route turns it into a response. */
export interface WebhookAnswer<Applied = unknown> {
  status: number;
  body: Record<string, unknown>;
  applied?: Applied;
}
