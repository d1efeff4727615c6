// The one table of grant states → words and next step. The buyer's purchases page and the
// merchant's dashboard both read it, so a state is never called two different things. Status
// codes never reach a person: this is where they become sentences.
import { GITHUB_ERROR_CODES } from "../github/error-codes";
import type { GrantStatus } from "../db/schema";
import {
  accessTarget,
  invitationPageUrl,
  notificationsUrl,
  targetUrl,
  type AccessRow,
} from "./describe-access";

export type Audience = "buyer" | "merchant";

/** How a badge is coloured: under way, waiting for someone, done, broken, or over. */
export type StatusTone = "progress" | "waiting" | "success" | "problem" | "ended";

export type NextStep =
  | { kind: "accept_invitation"; invitationUrl: string; notificationsUrl: string }
  | { kind: "open_target"; url: string }
  | { kind: "resend_invitation" }
  | { kind: "sign_in_with_github" }
  | { kind: "retry_now" };

export interface GrantStatusWords {
  tone: StatusTone;
  /** A few words for a badge: "Invitation sent". */
  label: string;
  /** One or two sentences: what is happening and what to do. */
  sentence: string;
  /** A moment the sentence refers to, formatted by the page in the viewer's time zone. */
  time?: { prefix: string; at: Date };
  /** The merchant's fix for a failure, from the error-code table. */
  fix?: string;
  nextStep?: NextStep;
  /** True while the engine is still working on it: pages refresh themselves until settled. */
  inFlight: boolean;
}

export interface DescribableGrant extends AccessRow {
  status: GrantStatus;
  githubLogin: string | null;
  expiresAt: Date | null;
  nextAttemptAt: Date | null;
  revokeRequestedAt: Date | null;
  revokeReason: string | null;
  lastError: { code: string; message: string } | null;
}

const QUOTA_WAIT_CODE = "waiting_for_daily_invite_limit";

function errorInfo(code: string | undefined) {
  if (!code || !(code in GITHUB_ERROR_CODES)) return undefined;
  return GITHUB_ERROR_CODES[code as keyof typeof GITHUB_ERROR_CODES];
}

/** A failure the buyer caused or can fix, said to them; anything else is the seller's. */
function failureForBuyer(code: string | undefined): string {
  switch (code) {
    case "user_not_found":
      return "GitHub has no account with the login we have for you (it may have been renamed)";
    case "owner_cannot_be_collaborator":
      return "your GitHub account owns this repository already";
    case "permission_below_base_role":
      return "you are a member of the organization, whose base role already covers this";
    default:
      return "the seller's GitHub setup needs attention";
  }
}

function removedWords(grant: DescribableGrant, audience: Audience): GrantStatusWords {
  const reason = grant.revokeReason ?? grant.lastError?.message ?? "";
  const refunded = /refund/i.test(reason);
  const onGithub = /on GitHub/i.test(reason);
  const label = refunded
    ? "Access removed (refunded)"
    : onGithub
      ? "Removed on GitHub"
      : "Access removed";
  const sentence =
    audience === "buyer"
      ? refunded
        ? "This order was refunded, so the access it gave has been removed."
        : onGithub
          ? "Your access was removed on GitHub. Contact the seller if that was not intended."
          : "Your access was removed by the seller."
      : reason
        ? `Access removed: ${reason}.`
        : "Access removed.";
  return { tone: "ended", label, sentence, inFlight: false };
}

export function describeGrantStatus(
  grant: DescribableGrant,
  audience: Audience,
  web?: string,
): GrantStatusWords {
  const target = accessTarget(grant);
  const who = grant.githubLogin ? `@${grant.githubLogin}` : "the buyer";

  if (grant.revokeRequestedAt && grant.status !== "revoked") {
    return {
      tone: "progress",
      label: "Removing access",
      sentence:
        audience === "buyer"
          ? "Your access is being removed (the order was refunded or canceled)."
          : `Taking ${who}'s access away on GitHub${grant.revokeReason ? ` (${grant.revokeReason})` : ""}.`,
      inFlight: true,
    };
  }

  switch (grant.status) {
    case "waiting_for_github":
      return audience === "buyer"
        ? {
            tone: "waiting",
            label: "Sign in with GitHub",
            sentence:
              "Sign in with GitHub to receive your invitation: we can only invite a GitHub account.",
            nextStep: { kind: "sign_in_with_github" },
            inFlight: false,
          }
        : {
            tone: "waiting",
            label: "Waiting for GitHub sign-in",
            sentence:
              "The order names only an email address. The invitation is sent once the buyer signs in with GitHub under that verified email.",
            inFlight: false,
          };

    case "queued": {
      const code = grant.lastError?.code;
      if (code === QUOTA_WAIT_CODE) {
        return {
          tone: "waiting",
          label: "Waiting for GitHub's daily limit",
          sentence:
            audience === "buyer"
              ? "Waiting for GitHub's daily invitation limit: your invitation is sent automatically."
              : "The daily invitation limit for this repository is used up; this invitation is sent automatically when the 24-hour window frees a slot.",
          time: grant.nextAttemptAt
            ? { prefix: "expected by", at: grant.nextAttemptAt }
            : undefined,
          inFlight: true,
        };
      }
      const info = errorInfo(code);
      if (info && audience === "merchant") {
        return {
          tone: "progress",
          label: "Retrying",
          sentence: `${info.message} The invitation is retried by itself.`,
          fix: info.fix,
          time: grant.nextAttemptAt ? { prefix: "next try", at: grant.nextAttemptAt } : undefined,
          nextStep: { kind: "retry_now" },
          inFlight: true,
        };
      }
      return {
        tone: "progress",
        label: "Sending invitation",
        sentence:
          audience === "buyer" ? "Sending your invitation…" : `Sending the invitation to ${who}…`,
        inFlight: true,
      };
    }

    case "invited":
      return {
        tone: "waiting",
        label: "Invitation sent",
        sentence:
          audience === "buyer"
            ? "Invitation sent — accept it on GitHub. GitHub also emails it to your account's primary address."
            : `Invitation sent; waiting for ${who} to accept it on GitHub.`,
        time: grant.expiresAt ? { prefix: "expires on", at: grant.expiresAt } : undefined,
        nextStep:
          audience === "buyer"
            ? {
                kind: "accept_invitation",
                invitationUrl: invitationPageUrl(target, web),
                notificationsUrl: notificationsUrl(web),
              }
            : { kind: "resend_invitation" },
        inFlight: true,
      };

    case "active":
      return {
        tone: "success",
        label: audience === "buyer" ? "You have access" : "Has access",
        sentence: audience === "buyer" ? "You have access." : `${who} has access on GitHub.`,
        nextStep: { kind: "open_target", url: targetUrl(target, web) },
        inFlight: false,
      };

    case "expired":
      return {
        tone: "problem",
        label: "Invitation expired",
        sentence:
          audience === "buyer"
            ? "The invitation expired before it was accepted (GitHub keeps them for 7 days). Send a new one and accept it on GitHub."
            : `${who} did not accept within GitHub's 7 days.`,
        nextStep: { kind: "resend_invitation" },
        inFlight: false,
      };

    case "declined":
      return {
        tone: "ended",
        label: "Declined on GitHub",
        sentence:
          audience === "buyer"
            ? "The invitation was declined on GitHub. If that was a mistake, ask the seller to send a new invitation."
            : `${who} declined the invitation on GitHub. You can send a new one if they ask.`,
        nextStep: audience === "merchant" ? { kind: "resend_invitation" } : undefined,
        inFlight: false,
      };

    case "failed": {
      const info = errorInfo(grant.lastError?.code);
      if (audience === "buyer") {
        return {
          tone: "problem",
          label: "Couldn't invite you",
          sentence: `We couldn't invite you: ${failureForBuyer(grant.lastError?.code)}. The seller has been told.`,
          inFlight: false,
        };
      }
      return {
        tone: "problem",
        label: "Failed",
        sentence: info?.message ?? grant.lastError?.message ?? "The invitation failed.",
        fix: info?.fix,
        nextStep: { kind: "retry_now" },
        inFlight: false,
      };
    }

    case "revoked":
      return removedWords(grant, audience);
  }
}
