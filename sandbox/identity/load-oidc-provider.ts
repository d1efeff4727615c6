// oidc-provider 9 announces on import that it wants Node 22 ("Unsupported runtime"), and at
// construction that its in-memory store is for development. Both are true and expected for a
// local stand-in on Node 20 (a spike confirmed it works), so they are kept out of the
// launcher's output. Any other warning it prints still reaches the console.
import type * as OidcProviderModule from "oidc-provider";

const EXPECTED_WARNINGS = [
  "oidc-provider WARNING: Unsupported runtime",
  "oidc-provider WARNING: a quick start development-only in-memory adapter is used",
];

function isExpectedWarning(args: unknown[]): boolean {
  const first = args[0];
  return typeof first === "string" && EXPECTED_WARNINGS.some((w) => first.startsWith(w));
}

/** Runs `work` with the two expected oidc-provider warnings filtered out of console.warn. */
export async function withoutExpectedWarnings<T>(work: () => T | Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!isExpectedWarning(args)) warn(...args);
  };
  try {
    return await work();
  } finally {
    console.warn = warn;
  }
}

let loaded: Promise<typeof OidcProviderModule> | undefined;

export function loadOidcProvider(): Promise<typeof OidcProviderModule> {
  loaded ??= withoutExpectedWarnings(() => import("oidc-provider"));
  return loaded;
}
