import { githubSignInPath } from "@/lib/auth/github-sign-in-path";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { accessTarget, describeAccess, targetName } from "@/lib/grants/describe-access";
import { describeGrantStatus, type NextStep } from "@/lib/grants/describe-grant-status";
import type { PurchaseGrant } from "@/lib/orders/buyer-purchases";
import { ActionButton } from "@/components/action-button";
import { renewInvitationAction } from "./actions";

const primary =
  "inline-flex justify-center rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700 focus-visible:ring-2 focus-visible:ring-slate-900 focus-visible:ring-offset-2 focus-visible:outline-none";
const secondary = "text-sm font-medium text-slate-800 underline underline-offset-2";

function NextStepLinks({
  step,
  grantId,
  target,
  returnTo,
}: {
  step: NextStep;
  grantId: number;
  target: string;
  returnTo: string;
}) {
  switch (step.kind) {
    case "accept_invitation":
      return (
        <>
          <a href={step.invitationUrl} className={primary} target="_blank" rel="noreferrer">
            Accept the invitation on GitHub
          </a>
          <a href={step.notificationsUrl} className={secondary} target="_blank" rel="noreferrer">
            Your GitHub notifications
          </a>
        </>
      );
    case "open_target":
      return (
        <a href={step.url} className={primary} target="_blank" rel="noreferrer">
          Open {target} on GitHub
        </a>
      );
    case "resend_invitation":
      return (
        <ActionButton
          action={renewInvitationAction}
          fields={{ grantId }}
          label="Send a new invitation"
          pendingLabel="Sending…"
          ariaLabel={`Send a new invitation to ${target}`}
        />
      );
    case "sign_in_with_github":
      // A plain anchor: /sign-in starts a sign-in and must never be prefetched.
      return (
        <a href={githubSignInPath(returnTo)} className={primary}>
          Sign in with GitHub
        </a>
      );
    case "retry_now":
      return null;
  }
}

/** One thing the buyer paid for: what it is, where it stands, and what to do next. */
export function GrantRow({ grant, returnTo }: { grant: PurchaseGrant; returnTo: string }) {
  const target = accessTarget(grant);
  const words = describeGrantStatus(grant, "buyer");
  const name = targetName(target);
  return (
    <li className="space-y-2 py-4 first:pt-0 last:pb-0" data-testid="grant">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 font-medium break-words first-letter:uppercase">
          {describeAccess(target)}
        </p>
        <StatusBadge tone={words.tone} label={words.label} />
      </div>
      <p className="text-sm text-slate-700">{words.sentence}</p>
      {words.time ? (
        <p className="text-sm text-slate-700 first-letter:uppercase">
          {words.time.prefix} <RelativeTime at={words.time.at} withDate />
        </p>
      ) : null}
      {words.nextStep ? (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <NextStepLinks
            step={words.nextStep}
            grantId={grant.id}
            target={name}
            returnTo={returnTo}
          />
        </div>
      ) : null}
    </li>
  );
}
