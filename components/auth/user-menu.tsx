import Link from "next/link";
import type { Session } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

const buttonClass =
  "rounded-md px-3 py-1.5 text-sm font-medium focus-visible:ring-2 focus-visible:ring-slate-900 focus-visible:outline-none";

/**
 * The header's sign-in corner. Sign-in links are plain anchors, not <Link>: /sign-in is a route
 * handler that starts a sign-in, and a prefetch must never start one.
 */
export function UserMenu({ session }: { session: Session | null }) {
  if (!session) {
    return (
      <nav aria-label="Sign in" className="flex flex-wrap items-center gap-2">
        <a href="/sign-in" className={`${buttonClass} text-slate-700 hover:bg-slate-100`}>
          Sign in
        </a>
        <a
          href="/sign-in?with=github"
          className={`${buttonClass} bg-slate-900 text-white hover:bg-slate-700`}
        >
          Sign in with GitHub
        </a>
      </nav>
    );
  }
  const displayName = session.name ?? session.verifiedEmail ?? "Signed in";
  return (
    <nav
      aria-label="Account"
      className="flex w-full flex-wrap items-center justify-between gap-2 sm:w-auto sm:justify-end sm:gap-3"
    >
      <div className="flex items-center gap-1">
        {session.role === "merchant" ? (
          <Link href="/dashboard" className={`${buttonClass} text-slate-700 hover:bg-slate-100`}>
            Dashboard
          </Link>
        ) : null}
        <Link href="/purchases" className={`${buttonClass} text-slate-700 hover:bg-slate-100`}>
          Purchases
        </Link>
      </div>
      <div className="flex items-center gap-2 sm:gap-3">
        <div className="flex items-center gap-2" data-testid="signed-in-person">
          <Avatar url={session.avatarUrl} name={displayName} />
          <div className="flex flex-col leading-tight">
            <span className="max-w-[10rem] truncate text-sm font-medium">{displayName}</span>
            {session.github?.login ? (
              <span className="text-xs text-slate-600">
                <span className="sr-only">GitHub account </span>@{session.github.login}
              </span>
            ) : (
              <a href="/sign-in?with=github" className="text-xs text-slate-600 underline">
                Link GitHub
              </a>
            )}
          </div>
        </div>
        <SignOutButton />
      </div>
    </nav>
  );
}

function Avatar({ url, name }: { url: string | null; name: string }) {
  if (url) {
    // A plain img: avatars come from whatever host the identity provider names.
    return <img src={url} alt="" width={32} height={32} className="h-8 w-8 rounded-full" />;
  }
  return (
    <span
      aria-hidden="true"
      className="flex h-8 w-8 items-center justify-center rounded-full bg-slate-200 text-sm font-semibold text-slate-700"
    >
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
