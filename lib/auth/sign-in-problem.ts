/** Why a sign-in could not start or finish; shown on /sign-in/unavailable in plain words. */
export const SIGN_IN_PROBLEMS = {
  not_configured: {
    title: "Sign-in is not set up yet",
    advice:
      "This store has no Logto connection configured. If you run it, set the Logto settings named below (see the README), then restart.",
  },
  unreachable: {
    title: "The sign-in service is not answering",
    advice:
      "We could not reach the identity provider (Logto). Nothing was changed and you are not signed in. Try again in a minute.",
  },
  not_completed: {
    title: "Sign-in was not completed",
    advice:
      "The sign-in was canceled, took too long, or was opened in another browser. You are not signed in. Start again from the Sign in button.",
  },
  not_recorded: {
    title: "We could not record your sign-in",
    advice:
      "You signed in, but the store could not save your account just now, so we signed you out again. Try again in a minute.",
  },
} as const;

export type SignInProblem = keyof typeof SIGN_IN_PROBLEMS;

export function isSignInProblem(value: unknown): value is SignInProblem {
  return typeof value === "string" && Object.hasOwn(SIGN_IN_PROBLEMS, value);
}

export function signInProblemPath(problem: SignInProblem): string {
  return `/sign-in/unavailable?reason=${problem}`;
}
