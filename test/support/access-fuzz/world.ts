import { and, gt, isNull, sql } from "drizzle-orm";
import { grantEvents } from "../../../lib/db/schema";
import type { Database } from "../../../lib/db/types";
import { checkMemberAccess } from "../../../lib/fulfillment/check-member-access";
import type { FulfillmentGithub } from "../../../lib/fulfillment/github-port";
import { runFulfillment } from "../../../lib/fulfillment/run-fulfillment";
import { runRevocations } from "../../../lib/fulfillment/run-revocations";
import { runAccessAudit } from "../../../lib/fulfillment/audit/run-access-audit";
import { syncInvitations } from "../../../lib/fulfillment/sync-invitations";
import { receiveOrderWebhook } from "../../../lib/orders/receive-order-webhook";
import type { GithubEmulator } from "../../../sandbox/github/emulator";
import { truncateAll } from "../database";
import { engineAgainst, repoProduct } from "../fulfillment-fixtures";
import { callApi, startTestEmulator } from "../github-emulator";
import { sendHeldWebhook, startGithubWebhookInbox } from "../github-webhook-inbox";
import { startGithubWebhookReceiver } from "../github-webhook-receiver";
import { signedOrderRequest, TEST_WEBHOOK_SECRET } from "../sign-order-webhook";
import { dyingAfterFirstWrite, ProcessKilled } from "./crash";
import { settleEngine } from "./settle";
import { emptyModel, endOnGithub, type AccessModel } from "./model";
import { PERMISSIONS, type Account, type EnginePass, type Step } from "./steps";

const GITHUB_SECRET = "access-fuzz-webhook-secret";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const REPO = { owner: "acme", repo: "toolkit" };
export const productFor = (permission: string) => `toolkit-${permission}`;

/** A GitHub write the harness let through before killing the pass: it has no outcome row. */
export interface CrashedWrite {
  operation: string;
  requestIds: string[];
  /** GitHub's answer to the write (201: an invitation was created). */
  status: number | undefined;
  /** GitHub's clock when it answered. */
  at: number;
  /** The invitation a crashed invite created. */
  invitationId?: number;
  /** The grant whose event was written before the write (none: the write left no trace). */
  grantId?: number;
}

/**
 * One shop for one history: a fresh emulator (frozen clock), the real engine (real Octokit)
 * against it, the given database emptied, our GitHub webhook receiver behind the inbox that
 * decides each delivery's fate, and the model of what was paid for.
 */
export async function openAccessWorld(db: Database, options: { webhooks: boolean }) {
  await truncateAll(db);
  for (const permission of PERMISSIONS) {
    await repoProduct(db, { slug: productFor(permission), permission });
  }
  const emulator: GithubEmulator = await startTestEmulator();
  const { github, settings } = engineAgainst(emulator, {
    settings: {
      // Deterministic jitter; a retry window no history outlasts, so the fuzz checks that
      // access converges, not the give-up policy (which run-fulfillment.test.ts covers).
      random: () => 0.5,
      retryMaxHours: 60 * 24,
      // Low enough that a busy history meets our own daily quota, not only GitHub's.
      dailyInviteLimit: 4,
    },
  });
  const clock = settings.clock;
  const receiver = await startGithubWebhookReceiver(
    () => db,
    GITHUB_SECRET,
    clock,
    (hint) => checkMemberAccess(db, github, hint, clock),
  );
  const inbox = await startGithubWebhookInbox(() => emulator);
  if (options.webhooks) emulator.controls.setWebhook({ url: inbox.url, secret: GITHUB_SECRET });

  const model: AccessModel = emptyModel();
  const merchantRequests = new Set<string>();
  const crashedWrites: CrashedWrite[] = [];
  /** When the buyer accepted or declined each invitation, on GitHub's clock. */
  const answeredInvitations = new Map<number, number>();
  let deliveries = 0;
  /** The steps applied so far, for printing the history. */
  const played: Step[] = [];

  const account = (login: Account) => {
    const user = emulator.controls.snapshot().users.find((u) => u.login === login);
    if (!user) throw new Error(`no seeded user ${login}`);
    return user;
  };
  const toolkit = () => {
    const state = emulator.controls.snapshot();
    const repo = state.repos.find((r) => r.name === REPO.repo)!;
    return { state, repo };
  };
  const openInvitation = (login: Account) => {
    const { state, repo } = toolkit();
    const id = account(login).id;
    const now = emulator.controls.now();
    return state.invitations.find(
      (i) => i.repoId === repo.id && i.inviteeId === id && now < i.createdAt + 7 * DAY,
    );
  };

  async function sendOrderEvent(body: unknown, deliveryId: string) {
    const now = clock();
    const answer = await receiveOrderWebhook(
      db,
      signedOrderRequest(body, { at: now, id: deliveryId }),
      { secrets: [TEST_WEBHOOK_SECRET], now },
    );
    return answer.status;
  }

  async function dying(): Promise<FulfillmentGithub> {
    const [before] = await db
      .select({ last: sql<number>`coalesce(max(${grantEvents.id}), 0)` })
      .from(grantEvents);
    const since = Number(before?.last ?? 0);
    return dyingAfterFirstWrite(github, async (operation, calls, result) => {
      const crashed: CrashedWrite = {
        operation,
        requestIds: calls.flatMap((call) => (call.requestId ? [call.requestId] : [])),
        status: calls.at(-1)?.status,
        at: emulator.controls.now(),
        invitationId: invitationOf(result),
      };
      // The event the engine wrote just before this write: it still has no answer.
      const [reserved] = await db
        .select({ grantId: grantEvents.grantId })
        .from(grantEvents)
        .where(and(isNull(grantEvents.githubStatus), gt(grantEvents.id, since)))
        .orderBy(sql`${grantEvents.id} desc`)
        .limit(1);
      crashed.grantId = reserved?.grantId;
      crashedWrites.push(crashed);
    });
  }

  async function runPass(pass: EnginePass, port: FulfillmentGithub) {
    if (pass === "fulfill") await runFulfillment(db, port, settings);
    else if (pass === "revoke") await runRevocations(db, port, settings);
    else if (pass === "sync") await syncInvitations(db, port, clock);
    else await runAccessAudit(db, port, { clock, trigger: "schedule" });
  }

  async function apply(s: Step): Promise<void> {
    played.push(s);
    switch (s.do) {
      case "pay": {
        model.orders.push({ account: s.account, permission: s.permission, refunded: false });
        const n = model.orders.length;
        model.expiries.delete(s.account);
        const buyer =
          s.by === "login" ? { githubLogin: s.account } : { githubUserId: account(s.account).id };
        const body = {
          type: "order.paid",
          data: { externalId: `fuzz-${n}`, product: productFor(s.permission), buyer },
        };
        expectStatus(await sendOrderEvent(body, `msg_pay_${n}`), [200], s);
        break;
      }
      case "repeatPayment": {
        const order = model.orders[s.order - 1];
        if (!order) break;
        const body = {
          type: "order.paid",
          data: {
            externalId: `fuzz-${s.order}`,
            product: productFor(order.permission),
            buyer: { githubLogin: order.account },
          },
        };
        const id =
          s.delivery === "same" ? `msg_pay_${s.order}` : `msg_pay_${s.order}_${++deliveries}`;
        // A refunded order cannot be paid again: the sender is told so (409), nothing changes.
        const allowed = s.delivery === "new" && order.refunded ? [409] : [200];
        expectStatus(await sendOrderEvent(body, id), allowed, s);
        break;
      }
      case "refund": {
        const order = model.orders[s.order - 1];
        if (!order) break;
        order.refunded = true;
        const body = {
          type: "order.refunded",
          data: {
            externalId: `fuzz-${s.order}`,
            product: productFor(order.permission),
            buyer: { githubLogin: order.account },
          },
        };
        expectStatus(await sendOrderEvent(body, `msg_refund_${s.order}_${++deliveries}`), [200], s);
        break;
      }
      case "accept": {
        const invitation = openInvitation(s.account);
        if (!invitation) break;
        emulator.controls.acceptInvitation(invitation.id);
        answeredInvitations.set(invitation.id, emulator.controls.now());
        break;
      }
      case "decline": {
        const invitation = openInvitation(s.account);
        if (!invitation) break;
        emulator.controls.declineInvitation(invitation.id);
        answeredInvitations.set(invitation.id, emulator.controls.now());
        endOnGithub(model, s.account, "declined the invitation");
        break;
      }
      case "expireInvitations": {
        const open = (["octocat", "hubot", "legacy-buyer"] as const).filter((a) =>
          openInvitation(a),
        );
        emulator.controls.advanceClock(7 * DAY + MINUTE);
        for (const login of open) {
          const count = (model.expiries.get(login) ?? 0) + 1;
          model.expiries.set(login, count);
          // The engine resends an expired invitation once by itself; then it is the buyer's turn.
          if (count >= 2) endOnGithub(model, login, "let the resent invitation expire");
        }
        break;
      }
      case "merchantRemoves": {
        const { repo } = toolkit();
        if (!repo.collaborators.some((c) => c.userId === account(s.account).id)) break;
        const answer = await callApi(
          emulator,
          "DELETE",
          `/repos/${REPO.owner}/${REPO.repo}/collaborators/${s.account}`,
        );
        const requestId = answer.headers.get("x-github-request-id");
        if (requestId) merchantRequests.add(requestId);
        if (answer.status === 204) endOnGithub(model, s.account, "removed by the merchant");
        break;
      }
      case "webhook": {
        if (s.fate === "delay") {
          inbox.holdBack();
          break;
        }
        const held = inbox.takeOldest();
        if (!held || s.fate === "drop") break;
        await sendHeldWebhook(receiver.url, held);
        if (s.fate === "duplicate") await sendHeldWebhook(receiver.url, held);
        inbox.markDelivered(held);
        break;
      }
      case "replayWebhook": {
        const held = inbox.delivered[s.which - 1];
        if (held) await sendHeldWebhook(receiver.url, held, `replayed-${++deliveries}`);
        break;
      }
      case "githubFails":
        emulator.controls.failNextRequests(s.requests, { status: s.status });
        break;
      case "secondaryRateLimit":
        emulator.controls.triggerSecondaryRateLimit({ retryAfterSeconds: s.seconds });
        break;
      case "dailyLimitReached":
        emulator.controls.setInviteDailyLimit(0);
        break;
      case "githubRecovers":
        clearFaults(emulator);
        break;
      case "wait":
        emulator.controls.advanceClock(s.minutes * MINUTE);
        break;
      case "pass":
        await runPass(s.pass, github);
        break;
      case "crash": {
        const port = await dying();
        await quietly(() => runPass(s.pass, port));
        break;
      }
    }
    await inbox.collect();
  }

  /** See settle.ts: faults clear, lost webhooks stay lost, the engine runs until nothing is due. */
  async function settle() {
    clearFaults(emulator);
    await inbox.collect();
    inbox.dropAll();
    await settleEngine(db, emulator, (pass) => runPass(pass, github));
    await inbox.collect();
    inbox.dropAll();
  }

  return {
    db,
    emulator,
    model,
    played,
    merchantRequests,
    crashedWrites,
    answeredInvitations,
    apply,
    settle,
    account,
    toolkit,
    async close() {
      await Promise.all([emulator.close(), receiver.close(), inbox.close()]);
    },
  };
}

export type AccessWorld = Awaited<ReturnType<typeof openAccessWorld>>;

/** The invitation id in an invite's answer (a GithubResult, or its event's detail), if any. */
export function invitationOf(result: unknown): number | undefined {
  const answer = result as { ok?: boolean; value?: { invitationId?: unknown } } | undefined;
  const id = answer?.ok ? answer.value?.invitationId : undefined;
  return typeof id === "number" ? id : undefined;
}

function clearFaults(emulator: GithubEmulator) {
  emulator.controls.failNextRequests(0);
  emulator.controls.clearRateLimits();
  emulator.controls.setInviteDailyLimit(50);
}

function expectStatus(status: number, allowed: number[], s: Step) {
  if (!allowed.includes(status)) {
    throw new Error(`the order webhook answered ${status} to ${JSON.stringify(s)}`);
  }
}

/** Runs a pass whose process gets killed, without the engine's per-grant error logs. */
async function quietly(pass: () => Promise<void>) {
  const log = console.error;
  console.error = (...args: unknown[]) => {
    if (!args.some((arg) => arg instanceof ProcessKilled)) log(...args);
  };
  try {
    await pass();
  } finally {
    console.error = log;
  }
}
