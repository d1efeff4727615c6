/** A plain form POST to /sign-out: works without JavaScript, and a cross-site form is refused. */
export function SignOutButton({ label = "Sign out" }: { label?: string }) {
  return (
    <form action="/sign-out" method="post">
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-slate-900 focus-visible:outline-none"
      >
        {label}
      </button>
    </form>
  );
}
