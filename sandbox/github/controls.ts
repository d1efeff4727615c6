import type { Core, PendingInvitationPut } from "./context";
import { answerInvitation } from "./mutations";
import type { LimitStatus, RateLimits } from "./rate-limits";
import type { BaseRole } from "./roles";
import type { State } from "./state";
import type { WebhookDelivery, WebhookTarget } from "./webhooks";
import { acceptOrgInvitation, openOrgInvitation } from "./team-mutations";
import { findAccount, findInstallation, findOrg, findUser } from "./world";

/** Test controls; each is also reachable over HTTP under /_emulator (see admin-api.ts). */
export type GithubEmulatorControls = {
  /** Delays every API answer. */
  setLatency(ms: number): void;
  /** Answers the next `count` API requests (only `route`'s, e.g. "PUT /repos/{owner}/{repo}/collaborators/{username}", when given) with a 5xx (default 502). A count of 0 lifts the failures still pending (of `route`, when given). */
  failNextRequests(count: number, options?: { status?: number; route?: string }): void;
  /** Primary limit: answers 403 (or 429) with `x-ratelimit-remaining: 0` until the reset (default 1 h), for one token or all. */
  exhaustRateLimit(options?: {
    token?: string;
    status?: LimitStatus;
    resetInSeconds?: number;
  }): void;
  /** Secondary limit with GitHub's message, for `durationSeconds` (default: retryAfterSeconds, else 60). */
  triggerSecondaryRateLimit(options?: {
    status?: LimitStatus;
    retryAfterSeconds?: number;
    durationSeconds?: number;
    route?: string;
  }): void;
  clearRateLimits(): void;
  /**
   * Holds back the answer to the next request of `route` (e.g. "PUT /repos/{owner}/{repo}/collaborators/{username}")
   * after GitHub made the change: `held` resolves with the status it will answer at that moment,
   * so a test can kill the client in between; `release()` sends the answer (to whoever is left).
   */
  holdNextResponse(route: string): { held: Promise<number>; release(): void };
  /** Invitations a repository may send per rolling 24 h (default 50), and the 422's wording. */
  setInviteDailyLimit(limit: number, message?: string): void;
  /** What a PUT does while the user has an open invitation: "same" (default) or "new". */
  setPendingInvitationPut(mode: PendingInvitationPut): void;
  /** An organization's base permission; members cannot be given a lower role. */
  setOrgBaseRole(org: string, role: BaseRole): void;
  /** Moves the emulator clock forward (expires invitations, resets rate limits). */
  advanceClock(ms: number): void;
  now(): number;
  /** Accepts or declines on the invitee's behalf, as if they clicked in GitHub. */
  acceptInvitation(id: number): void;
  declineInvitation(id: number): void;
  /** The invitee accepts their organization invitation, joining the teams it names. */
  acceptOrgInvitation(org: string, login: string): void;
  /** Revokes every installation token minted so far (of one installation, when given). */
  revokeInstallationTokens(installationId?: number): void;
  /** Suspends an installation (token requests answer 403), or lifts the suspension. */
  suspendInstallation(installationId: number, suspended?: boolean): void;
  /** The account removes the App: the installation and its tokens are gone. */
  uninstallApp(installationId: number): void;
  /** A seeded App's id and the private key the emulator made for it (none when seeded with one). */
  appCredentials(slug: string): { appId: number; privateKeyPem: string };
  /** Renames a user; the id stays, as on GitHub. */
  renameUser(login: string, newLogin: string): void;
  setWebhook(target: WebhookTarget | null): void;
  readonly webhookDeliveries: readonly WebhookDelivery[];
  /** Waits until every webhook sent so far has been delivered (or failed). */
  flushWebhooks(): Promise<void>;
  /** A copy of the whole world: users, orgs, repos, tokens, invitations. */
  snapshot(): State;
};

export function createControls(
  core: Core,
  rateLimits: RateLimits,
  clock: { offsetMs: number },
): GithubEmulatorControls {
  const invitation = (id: number) => {
    const found = core.state.invitations.find((i) => i.id === id);
    if (!found) throw new Error(`No invitation ${id}`);
    return found;
  };
  return {
    setLatency: (ms) => void (core.settings.latencyMs = ms),
    failNextRequests(count, options = {}) {
      if (count === 0) {
        const { failures } = core.settings;
        const kept = failures.filter((f) => options.route && f.route !== options.route);
        failures.splice(0, failures.length, ...kept);
        return;
      }
      core.settings.failures.push({
        remaining: count,
        status: options.status ?? 502,
        route: options.route,
      });
    },
    exhaustRateLimit(options = {}) {
      const until = core.now() + (options.resetInSeconds ?? 3600) * 1000;
      rateLimits.exhaust({ token: options.token, status: options.status ?? 403, until });
    },
    triggerSecondaryRateLimit(options = {}) {
      const seconds = options.durationSeconds ?? options.retryAfterSeconds ?? 60;
      rateLimits.triggerSecondary({
        status: options.status ?? 403,
        retryAfterSeconds: options.retryAfterSeconds,
        until: core.now() + seconds * 1000,
        route: options.route,
      });
    },
    clearRateLimits: () => rateLimits.clear(),
    holdNextResponse(route) {
      let release!: () => void;
      let held!: (status: number) => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const answered = new Promise<number>((resolve) => (held = resolve));
      core.settings.holds.push({ route, held, released });
      return { held: answered, release };
    },
    setInviteDailyLimit(limit, message) {
      core.settings.inviteDailyLimit = limit;
      if (message !== undefined) core.settings.inviteLimitMessage = message;
    },
    setPendingInvitationPut: (mode) => void (core.settings.pendingInvitationPut = mode),
    setOrgBaseRole(login, role) {
      const org = findAccount(core.state, login);
      if (org?.type !== "Organization") throw new Error(`No organization ${login}`);
      const record = core.state.orgs.find((o) => o.id === org.id);
      if (record) record.baseRole = role;
      core.commit();
    },
    advanceClock: (ms) => void (clock.offsetMs += ms),
    now: () => core.now(),
    acceptInvitation(id) {
      if (answerInvitation(core, invitation(id), "accept") === "not_found") {
        throw new Error(`Invitation ${id} has expired`);
      }
      core.commit();
    },
    declineInvitation(id) {
      answerInvitation(core, invitation(id), "decline");
      core.commit();
    },
    acceptOrgInvitation(orgLogin, login) {
      const org = findOrg(core.state, orgLogin);
      const user = findUser(core.state, login);
      const open = org && user && openOrgInvitation(core.state, org, user.id, core.now());
      if (!open) throw new Error(`${login} has no open invitation to ${orgLogin}`);
      acceptOrgInvitation(core, open);
      core.commit();
    },
    revokeInstallationTokens(installationId) {
      core.state.tokens = core.state.tokens.filter(
        (t) =>
          t.installationId === undefined ||
          (installationId !== undefined && t.installationId !== installationId),
      );
      core.commit();
    },
    suspendInstallation(installationId, suspended = true) {
      const found = findInstallation(core.state, installationId);
      if (!found) throw new Error(`No installation ${installationId}`);
      found.installation.suspendedAt = suspended ? core.now() : null;
      core.commit();
    },
    uninstallApp(installationId) {
      const found = findInstallation(core.state, installationId);
      if (!found) throw new Error(`No installation ${installationId}`);
      found.app.installations = found.app.installations.filter((i) => i.id !== installationId);
      core.state.tokens = core.state.tokens.filter((t) => t.installationId !== installationId);
      core.commit();
    },
    appCredentials(slug) {
      const app = core.state.apps.find((a) => a.slug === slug);
      if (!app?.privateKeyPem) throw new Error(`No App ${slug} with a key made by the emulator`);
      return { appId: app.id, privateKeyPem: app.privateKeyPem };
    },
    renameUser(login, newLogin) {
      const user = findUser(core.state, login);
      if (!user) throw new Error(`No user ${login}`);
      if (findAccount(core.state, newLogin)) throw new Error(`${newLogin} is taken`);
      user.login = newLogin;
      core.commit();
    },
    setWebhook: (target) => void (core.webhooks.target = target),
    get webhookDeliveries() {
      return core.webhooks.deliveries;
    },
    flushWebhooks: () => core.webhooks.flush(),
    snapshot: () => structuredClone(core.state),
  };
}
