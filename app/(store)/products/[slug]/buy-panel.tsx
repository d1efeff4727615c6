import { githubSignInPath } from "@/lib/auth/github-sign-in-path";
import Link from "next/link";
import type { Session } from "@/lib/auth/session";
import type { ProductForSale } from "@/lib/products/queries";
import { ActionButton } from "@/components/action-button";
import { buyProductAction } from "./actions";

const primary =
  "inline-flex w-full justify-center rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 focus-visible:ring-2 focus-visible:ring-slate-900 focus-visible:ring-offset-2 focus-visible:outline-none";

/**
 * The Buy corner, by who is looking: anyone → sign in with GitHub first; signed in without
 * GitHub → why GitHub is needed (no order is made); with GitHub → which account will be
 * invited, then Buy; already entitled → a link to that purchase instead of a second charge.
 * Sign-in links are plain anchors: /sign-in starts a sign-in and must never be prefetched.
 */
export function BuyPanel({
  product,
  session,
  existingOrderId,
}: {
  product: ProductForSale;
  session: Session | null;
  /** The buyer's paid order that already gives all of this, if any. */
  existingOrderId: string | undefined;
}) {
  if (!session) {
    return (
      <a href={githubSignInPath(`/products/${product.slug}`)} className={primary}>
        Buy — sign in with GitHub
      </a>
    );
  }
  if (!session.github || !session.buyerId) {
    const who = session.verifiedEmail ?? session.name ?? "an account";
    return (
      <div className="space-y-3" role="note">
        <p className="text-sm font-semibold text-amber-900">A GitHub account is needed</p>
        <p className="text-sm text-slate-700">
          You are signed in as <span className="font-medium break-all">{who}</span>, without GitHub.
          What you buy here is an invitation from GitHub, and GitHub can only invite a GitHub
          account — not an email address. Sign in with GitHub to buy.
        </p>
        <a href={githubSignInPath(`/products/${product.slug}`)} className={primary}>
          Sign in with GitHub
        </a>
      </div>
    );
  }

  const account = session.github.login ? `@${session.github.login}` : "your GitHub account";
  if (existingOrderId) {
    return (
      <div className="space-y-3" role="note">
        <p className="text-sm font-semibold text-emerald-900">You already have this</p>
        <p className="text-sm text-slate-700">
          {account} already has everything this product gives, so there is nothing to pay.
        </p>
        <Link href={`/purchases/${existingOrderId}`} className={primary}>
          See your purchase
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        Invitations go to <span className="font-semibold break-all">{account}</span> — not you?{" "}
        <a
          href={githubSignInPath(`/products/${product.slug}`, { switchAccount: true })}
          className="font-medium underline"
        >
          Switch account
        </a>
      </p>
      <ActionButton
        action={buyProductAction}
        fields={{ slug: product.slug }}
        label="Buy"
        pendingLabel="Taking you to payment…"
        fullWidth
      />
    </div>
  );
}
