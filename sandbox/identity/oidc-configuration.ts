import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { ClientMetadata, Configuration, errors as OidcErrors } from "oidc-provider";
import { findSandboxAccount } from "./accounts";
import { accountClaims, SCOPE_CLAIMS, type AvatarUrl } from "./claims";
import { logoutPage, signedOutPage } from "./pages";

// oidc-provider configured the way Logto configures it (core/src/oidc/init.ts), reduced to what
// a "Traditional web" application uses: code flow with PKCE, client_secret_basic, refresh
// tokens, revocation, userinfo and RP-initiated logout. See the facts on Logto, section 4.

export interface IdentityClient {
  appId: string;
  /** Letters and digits only: oidc-provider URL-decodes Basic credentials, Logto's are alphanumeric. */
  appSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

/** Logto's `ExtraParamsKey` values the SDK may send; registered so interactions can read them. */
export const LOGTO_EXTRA_PARAMS = [
  "direct_sign_in",
  "first_screen",
  "interaction_mode",
  "identifier",
  "login_hint",
  "one_time_token",
  "organization_id",
] as const;

const DAY = 24 * 60 * 60;

function clientMetadata(client: IdentityClient): ClientMetadata {
  if (!/^[A-Za-z0-9]+$/.test(client.appSecret)) {
    throw new Error(`appSecret of ${client.appId} must be letters and digits only, like Logto's`);
  }
  return {
    client_id: client.appId,
    client_secret: client.appSecret,
    application_type: "web",
    token_endpoint_auth_method: "client_secret_basic",
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris,
  };
}

/** A fresh RS256 signing key: the sandbox keeps nothing across restarts. */
function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: randomBytes(8).toString("hex") };
}

export function oidcConfiguration(options: {
  clients: readonly IdentityClient[];
  avatarUrl: AvatarUrl;
  errors: typeof OidcErrors;
}): Configuration {
  return {
    clients: options.clients.map(clientMetadata),
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    scopes: ["openid", "offline_access", ...Object.keys(SCOPE_CLAIMS)],
    claims: Object.fromEntries(Object.entries(SCOPE_CLAIMS).map(([s, c]) => [s, [...c]])),
    // Logto puts a scope's claims in the ID token even when an access token is also issued.
    conformIdTokenClaims: false,
    extraParams: [...LOGTO_EXTRA_PARAMS],
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      revocation: {
        enabled: true,
        // A client may revoke only the tokens it was issued.
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = "html";
          ctx.body = signedOutPage();
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Logto answers errors as JSON whatever the request prefers; logto-errors.ts adds its fields.
    renderError: (ctx, out) => {
      ctx.body = out;
    },
    findAccount: (_ctx, sub) => {
      const account = findSandboxAccount(sub);
      if (!account) throw new options.errors.InvalidGrant("user not found");
      return {
        accountId: account.id,
        claims: (use, scope, _claims, rejected) =>
          accountClaims(account, { use, scope, rejected, avatarUrl: options.avatarUrl }),
      };
    },
    // Logto requires PKCE except from confidential clients; the SDK always sends S256 anyway.
    pkce: { required: (_ctx, client) => client.clientAuthMethod !== "client_secret_basic" },
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      RefreshToken: 14 * DAY,
      Session: 14 * DAY,
      Grant: 180 * DAY,
    },
  };
}
