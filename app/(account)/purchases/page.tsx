import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listRenewableGrants } from "@/lib/grants/list-renewable-grants";
import { RenewInvitationButton } from "./renew-invitation-button";

export const metadata: Metadata = { title: "Your purchases · Repogrant" };
export const dynamic = "force-dynamic";

export default async function PurchasesPage() {
  const session = await getSession();
  if (!session) redirect("/sign-in?with=github&returnTo=/purchases");
  const renewable = session.buyerId
    ? await listRenewableGrants(await getDb(), session.buyerId)
    : [];
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Your purchases</h1>
        <p className="mt-1 text-slate-600">
          Signed in as{" "}
          <span className="font-medium text-slate-900">
            {session.name ?? session.verifiedEmail ?? session.logtoUserId}
          </span>
          {session.github?.login ? (
            <>
              {" "}
              with GitHub account{" "}
              <span className="font-medium text-slate-900">@{session.github.login}</span>
            </>
          ) : null}
          .
        </p>
      </div>
      {session.github ? null : (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p className="font-medium">No GitHub account is linked to this sign-in.</p>
          <p className="mt-1 text-sm">
            Invitations go to a GitHub account, so what you bought waits until you sign in with
            GitHub.
          </p>
          <a
            href="/sign-in?with=github&returnTo=/purchases"
            className="mt-3 inline-block rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
          >
            Sign in with GitHub
          </a>
        </div>
      )}
      {renewable.length > 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">Invitations that expired</h2>
          <p className="mt-1 text-sm text-slate-600">
            GitHub invitations expire after 7 days. Ask for a new one and accept it on GitHub.
          </p>
          <ul className="mt-3 space-y-3">
            {renewable.map((grant) => (
              <li
                key={grant.id}
                className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between"
              >
                <span className="font-medium">{grant.target}</span>
                <RenewInvitationButton grantId={grant.id} target={grant.target} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="text-sm text-slate-600">
        The full list of your orders and their delivery status is coming to this page.
      </p>
    </section>
  );
}
