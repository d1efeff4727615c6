import { createAppProvider, tokenProvider, type AppProviderOptions } from "../../lib/github";
import { fulfillmentGithub } from "../../lib/fulfillment/github-adapter";
import { emulatorClient } from "./emulator-client";
import { fulfillmentSettings, type FulfillmentSettings } from "../../lib/fulfillment/settings";
import { applyOrderEvent } from "../../lib/orders/apply-order-event";
import { createProduct } from "../../lib/products/create-product";
import type { Database } from "../../lib/db/types";
import { DEFAULT_SEED, type Seed } from "../../sandbox/github/seed";
import type { GithubEmulator } from "../../sandbox/github/emulator";

/** The default sandbox world plus `count` plain users buyer-001, buyer-002, … */
export function seedWithBuyers(count: number): Seed {
  const buyers = Array.from({ length: count }, (_, i) => ({
    login: `buyer-${String(i + 1).padStart(3, "0")}`,
    id: 5_000_000 + i,
    name: null,
  }));
  return { ...DEFAULT_SEED, users: [...DEFAULT_SEED.users, ...buyers] };
}

/**
 * The real Octokit against the emulator, on the emulator's clock, without pacing: with a token
 * (default: the sandbox admin's), or as the sandbox's GitHub App.
 */
export function engineAgainst(
  emulator: GithubEmulator,
  options: { token?: string; app?: boolean; settings?: Partial<FulfillmentSettings> } = {},
) {
  const now = () => emulator.controls.now();
  const shared = { baseUrl: emulator.url, writeIntervalMs: 0, retryDelayBaseMs: 1, now };
  const provider = options.app
    ? appProvider(emulator, shared)
    : tokenProvider(emulatorClient(emulator, options.token));
  return {
    github: fulfillmentGithub(provider),
    // Tests move time to expire leases, so leases run on the test's clock here.
    settings: fulfillmentSettings({
      clock: () => new Date(now()),
      leaseClock: "injected",
      ...options.settings,
    }),
  };
}

function appProvider(
  emulator: GithubEmulator,
  shared: Omit<AppProviderOptions, "appId" | "privateKey">,
) {
  const { appId, privateKeyPem } = emulator.controls.appCredentials("repogrant-sandbox");
  return createAppProvider({ appId, privateKey: privateKeyPem, ...shared });
}

let orderNumber = 0;

/** A paid order from the order webhook's contract, applied directly. */
export async function payFor(db: Database, product: string, githubLogin: string, now: Date) {
  orderNumber += 1;
  return applyOrderEvent(db, {
    source: "orders",
    deliveryId: `msg_fixture_${orderNumber}_${githubLogin}`,
    now,
    event: {
      type: "order.paid",
      data: { externalId: `fixture_${orderNumber}`, product, buyer: { githubLogin } },
    },
  });
}

/** A product selling one repository (default: pull on the sandbox's acme/toolkit). */
export function repoProduct(
  db: Database,
  options: { slug?: string; owner?: string; repo?: string; permission?: string } = {},
) {
  const { slug = "toolkit", owner = "acme", repo = "toolkit", permission = "pull" } = options;
  return createProduct(db, {
    slug,
    name: slug,
    entitlements: [{ kind: "github_repo", owner, repo, permission }],
  });
}

/** A product selling a membership of the sandbox's acme/toolkit-users team. */
export function teamProduct(
  db: Database,
  options: { slug?: string; teamRole?: "member" | "maintainer" } = {},
) {
  const { slug = "team", teamRole = "member" } = options;
  return createProduct(db, {
    slug,
    name: slug,
    entitlements: [{ kind: "github_team", org: "acme", teamSlug: "toolkit-users", teamRole }],
  });
}
