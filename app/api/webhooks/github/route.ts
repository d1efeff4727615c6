import { NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { receiveGithubWebhook } from "@/lib/webhooks/receive-github-webhook";

export const dynamic = "force-dynamic";

// Authenticated by GitHub's X-Hub-Signature-256 (GITHUB_WEBHOOK_SECRET).
export async function POST(request: Request) {
  const answer = await receiveGithubWebhook(await getDb(), request, {
    secret: getConfig().github.webhookSecret,
    now: new Date(),
  });
  return NextResponse.json(answer.body, { status: answer.status });
}
