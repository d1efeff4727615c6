import type { Metadata } from "next";
import Link from "next/link";
import { isSignInProblem, SIGN_IN_PROBLEMS } from "@/lib/auth/sign-in-problem";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Sign-in unavailable · Repogrant" };
export const dynamic = "force-dynamic";

export default async function SignInUnavailablePage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string | string[] }>;
}) {
  const { reason } = await searchParams;
  const problem = isSignInProblem(reason) ? reason : "not_completed";
  const { title, advice } = SIGN_IN_PROBLEMS[problem];
  const { logto } = getConfig();
  const missing = problem === "not_configured" && !logto.configured ? logto.missing : [];
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-3 text-slate-700">{advice}</p>
      {missing.length > 0 ? (
        <ul className="mt-3 list-inside list-disc text-sm text-slate-700">
          {missing.map((name) => (
            <li key={name}>
              <code className="rounded bg-slate-100 px-1">{name}</code> is not set
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-6 flex flex-wrap gap-3">
        {problem === "not_configured" ? null : (
          <a
            href="/sign-in"
            className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700"
          >
            Try signing in again
          </a>
        )}
        <Link href="/" className="rounded-md border border-slate-300 px-4 py-2 font-medium">
          Back to the store
        </Link>
      </div>
    </section>
  );
}
