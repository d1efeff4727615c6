import { after } from "next/server";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { checkAccessNow } from "@/lib/fulfillment/worker";
import { receiveGithubWebhook } from "@/lib/webhooks/receive-github-webhook";
import { webhookResponse } from "@/lib/webhooks/webhook-answer";

export const dynamic = "force-dynamic";

// Authenticated by GitHub's X-Hub-Signature-256 (GITHUB_WEBHOOK_SECRET). An event is a hint:
// the account's access is checked on GitHub after answering.
export async function POST(request: Request) {
  const answer = await receiveGithubWebhook(await getDb(), request, {
    secret: getConfig().github.webhookSecret,
    now: new Date(),
  });
  const hint = answer.applied;
  if (hint) after(() => checkAccessNow(hint));
  return webhookResponse(answer);
}
