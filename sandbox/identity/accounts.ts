// The sandbox identity provider's users: a contract (sandbox/README.md). The app's tests, the
// launcher's hint and people trying Repogrant rely on these ids, emails and GitHub identities.
// The GitHub ids and logins match the GitHub emulator's default seed (sandbox/github/seed.ts).

/** Which connector-github version linked the identity, i.e. where the GitHub login is stored. */
export type GithubIdentityShape =
  /** connector-github ≥ 1.4.0 (2024-05): `details.rawData.userInfo.login`. */
  | "current"
  /** 2024-03 until 1.4.0: `details.rawData.login`, no `userInfo`. */
  | "legacy";

export interface SandboxGithubUser {
  id: number;
  login: string;
  name: string | null;
  /** The verified primary email GitHub reports for the user. */
  email: string;
  shape: GithubIdentityShape;
}

/** A Logto user record, reduced to what the claims are made of. */
export interface SandboxAccount {
  /** The Logto user id, the `sub` claim (12 lowercase letters and digits, like Logto's). */
  id: string;
  /** What the sign-in page's button says. */
  label: string;
  /** Logto's own username: null for people who signed up with an email or a social connector. */
  username: string | null;
  name: string | null;
  /** Logto only stores a verified address as the primary email. */
  primaryEmail: string | null;
  /** Names of the Logto roles the user holds (the `roles` claim). */
  roles: string[];
  github: SandboxGithubUser | null;
  /** Logto's `created_at` / `updated_at` claims: fixed, so the claims are the same every run. */
  createdAt: number;
}

const CREATED_AT = Date.UTC(2024, 5, 3, 9, 30);

export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = [
  {
    id: "sbxmerchant1",
    label: "Acme Merchant",
    username: null,
    name: "Acme Merchant",
    primaryEmail: "merchant@acme.test",
    roles: [],
    github: null,
    createdAt: CREATED_AT,
  },
  {
    id: "sbxstaff0001",
    label: "Acme Staff",
    username: "acme-staff",
    name: "Acme Staff",
    primaryEmail: "staff@acme.test",
    roles: ["merchant"],
    github: null,
    createdAt: CREATED_AT,
  },
  {
    id: "sbxoctocat01",
    label: "octocat",
    username: null,
    name: "The Octocat",
    primaryEmail: "octocat@github.com",
    roles: [],
    github: {
      id: 583_231,
      login: "octocat",
      name: "The Octocat",
      email: "octocat@github.com",
      shape: "current",
    },
    createdAt: CREATED_AT,
  },
  {
    id: "sbxhubot0001",
    label: "hubot",
    username: null,
    name: "Hubot",
    primaryEmail: "hubot@github.com",
    roles: [],
    github: {
      id: 480_938,
      login: "hubot",
      name: "Hubot",
      email: "hubot@github.com",
      shape: "current",
    },
    createdAt: CREATED_AT,
  },
  {
    id: "sbxlegacy001",
    label: "legacy-buyer",
    username: null,
    name: "Legacy Buyer",
    primaryEmail: "legacy-buyer@example.test",
    roles: [],
    github: {
      // 1000001 was asked for, but the GitHub emulator's seed already gives it to acme-admin.
      id: 1_000_003,
      login: "legacy-buyer",
      name: "Legacy Buyer",
      email: "legacy-buyer@example.test",
      shape: "legacy",
    },
    createdAt: CREATED_AT,
  },
  {
    id: "sbxbuyer0001",
    label: "buyer@example.test",
    username: null,
    name: null,
    primaryEmail: "buyer@example.test",
    roles: [],
    github: null,
    createdAt: CREATED_AT,
  },
];

export function findSandboxAccount(id: string): SandboxAccount | undefined {
  return SANDBOX_ACCOUNTS.find((account) => account.id === id);
}

/**
 * The accounts Logto's sign-in page would let this request use. `direct_sign_in=social:github`
 * goes straight to the GitHub connector, so only accounts with a GitHub identity can come back;
 * any other target is a connector the sandbox lacks, and Logto then falls back to its page.
 */
export function accountsOffered(directSignIn: string | undefined): readonly SandboxAccount[] {
  if (directSignIn === "social:github") return SANDBOX_ACCOUNTS.filter((a) => a.github);
  return SANDBOX_ACCOUNTS;
}
