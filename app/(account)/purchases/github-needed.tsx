import { githubSignInPath } from "@/lib/auth/github-sign-in-path";

/** Shown to a buyer signed in without GitHub: invitations can only go to a GitHub account. */
export function GithubNeeded({ returnTo }: { returnTo: string }) {
  return (
    <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">Sign in with GitHub to receive your invitation</p>
      <p className="mt-1 text-sm">
        You signed in without a GitHub account. GitHub sends invitations to GitHub accounts only, so
        what you bought waits until you sign in with GitHub under the same verified email.
      </p>
      <a
        href={githubSignInPath(returnTo)}
        className="mt-3 inline-block rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700"
      >
        Sign in with GitHub
      </a>
    </div>
  );
}
