import type { Metadata } from "next";
import Link from "next/link";
import { getSession } from "@/lib/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const metadata: Metadata = { title: "Not for this account · Repogrant" };

// Rendered with status 403 by forbidden(): signed in, but not allowed here.
export default async function Forbidden() {
  const session = await getSession();
  const who =
    session?.verifiedEmail ?? (session?.github?.login ? `@${session.github.login}` : null);
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8">
      <p className="text-sm font-medium text-slate-500">Error 403 · not allowed</p>
      <h1 className="mt-2 text-2xl font-semibold">This page is for the store&apos;s staff</h1>
      <p className="mt-3 text-slate-700">
        You are signed in
        {who ? (
          <>
            {" "}
            as <span className="font-medium">{who}</span>
          </>
        ) : null}
        , but this account is not on the store&apos;s staff list, so the dashboard stays closed to
        it.
      </p>
      <p className="mt-2 text-slate-700">
        If you work for the store, sign out and sign in with your staff account, or ask the owner to
        add you to <code className="rounded bg-slate-100 px-1">MERCHANT_USERS</code>.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link
          href="/purchases"
          className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700"
        >
          Go to your purchases
        </Link>
        {session ? <SignOutButton label="Sign out to switch accounts" /> : null}
      </div>
    </section>
  );
}
