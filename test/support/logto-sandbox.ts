import LogtoClient, { type LogtoConfig, type SignInOptions, UserScope } from "@logto/node";
import { afterAll, beforeAll } from "vitest";
import { startIdentityProvider, type IdentityProvider } from "@/sandbox/identity/provider";
import { HttpBrowser, type Visit } from "./http-browser";

// The real @logto/node SDK against the sandbox identity provider. The app itself is never
// started: its callback URL is only a place the browser is sent to, and the test hands that
// URL to the SDK as the app's /callback route would.

export const APP_URL = "http://app.test";
export const APP_ID = "sandboxtestapp";
export const APP_SECRET = "SandboxTestSecret0123456789";

/** One provider for the calling test file, with the test app registered. */
export function useIdentityProvider(): () => IdentityProvider {
  let provider: IdentityProvider | undefined;
  beforeAll(async () => {
    provider = await startIdentityProvider({
      port: 0,
      clients: [
        {
          appId: APP_ID,
          appSecret: APP_SECRET,
          redirectUris: [`${APP_URL}/callback`],
          postLogoutRedirectUris: [APP_URL],
        },
      ],
    });
  });
  afterAll(async () => {
    await provider?.close();
  });
  return () => {
    if (!provider) throw new Error("useIdentityProvider(): only available inside a test");
    return provider;
  };
}

/** The SDK's storage interface, kept in memory (the app keeps it in an encrypted cookie). */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return Promise.resolve(this.items.get(key) ?? null);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
    return Promise.resolve();
  }
  removeItem(key: string) {
    this.items.delete(key);
    return Promise.resolve();
  }
}

/**
 * A person at a browser, and the app's server-side Logto client for their session. Like the
 * app, which builds a client per request from its session cookie, `nextRequest()` starts a new
 * client over the same stored session.
 */
export class SignInJourney {
  readonly browser: HttpBrowser;
  readonly storage = new MemoryStorage();
  client: LogtoClient;
  /** The last URL the SDK sent the browser to. */
  navigatedTo = "";
  private readonly config: LogtoConfig;

  constructor(
    readonly provider: IdentityProvider,
    scopes: string[] = [UserScope.Email, UserScope.Identities, UserScope.Roles],
    browser?: HttpBrowser,
  ) {
    this.browser = browser ?? new HttpBrowser(provider.endpoint);
    this.config = { endpoint: provider.endpoint, appId: APP_ID, appSecret: APP_SECRET, scopes };
    this.client = this.newClient();
  }

  private newClient(): LogtoClient {
    return new LogtoClient(this.config, {
      storage: this.storage,
      navigate: (url) => {
        this.navigatedTo = url;
      },
    });
  }

  /** A later request of the same session: a new client reading the stored session. */
  nextRequest(): LogtoClient {
    this.client = this.newClient();
    return this.client;
  }

  /** Marks the stored access tokens expired, as the SDK will see them once their hour is over. */
  async expireAccessTokens(): Promise<void> {
    const stored = await this.storage.getItem("accessToken");
    const tokens = JSON.parse(stored ?? "{}") as Record<string, { expiresAt: number }>;
    for (const token of Object.values(tokens)) token.expiresAt = 0;
    await this.storage.setItem("accessToken", JSON.stringify(tokens));
  }

  /** The SDK's sign-in redirect, followed to the provider's page (or straight back). */
  async start(options: Partial<SignInOptions> = {}): Promise<Visit> {
    await this.client.signIn({ redirectUri: `${APP_URL}/callback`, ...options });
    return this.browser.visit(this.navigatedTo);
  }

  /** Hands the URL the browser was sent back to to the SDK, as the /callback route does. */
  async finish(visit: Visit): Promise<void> {
    if (!visit.leftSite) throw new Error(`still at the provider: ${visit.url} (${visit.status})`);
    await this.client.handleSignInCallback(visit.url);
  }

  /** Signs in as the account whose button says `label`. */
  async signInAs(label: string, options: Partial<SignInOptions> = {}): Promise<void> {
    const page = await this.start(options);
    await this.finish(await this.browser.click(page, label));
  }
}
