import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { findSandboxAccount } from "./accounts";
import { handleInteraction } from "./interaction";
import { loadOidcProvider, withoutExpectedWarnings } from "./load-oidc-provider";
import { logtoErrorShape } from "./logto-errors";
import { oidcConfiguration, type IdentityClient } from "./oidc-configuration";
import { avatarSvg } from "./pages";

export type { IdentityClient } from "./oidc-configuration";

export interface IdentityProviderOptions {
  /** 0 or absent: a free port. */
  port?: number;
  clients: IdentityClient[];
}

export interface IdentityProvider {
  /** What LOGTO_ENDPOINT is set to: `http://127.0.0.1:PORT`, without `/oidc`. */
  endpoint: string;
  /** `${endpoint}/oidc`, as Logto mounts its provider. */
  issuer: string;
  /** Stops listening and drops open connections; calling it again is harmless. */
  close(): Promise<void>;
}

const HOST = "127.0.0.1";

function notFound(res: ServerResponse): void {
  res.writeHead(404, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify({ code: "guard.not_found", message: "Not found." }));
}

/**
 * A Logto-compatible OpenID provider on a plain Node server: oidc-provider under `/oidc` with
 * Logto's issuer, claims and error shape, a sign-in page listing the seeded accounts, and the
 * accounts' pictures. State lives in memory; a restart ends every session.
 */
export async function startIdentityProvider(
  options: IdentityProviderOptions,
): Promise<IdentityProvider> {
  const { default: Provider, errors } = await loadOidcProvider();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${HOST}:${port}`;
  const issuer = `${endpoint}/oidc`;

  const configuration = oidcConfiguration({
    clients: options.clients,
    avatarUrl: (account) => `${endpoint}/avatars/${account.id}.svg`,
    errors,
  });
  const provider = await withoutExpectedWarnings(() => new Provider(issuer, configuration));
  provider.use(logtoErrorShape);
  provider.on("server_error", (_ctx, error) => {
    console.error("Sandbox identity provider error:", error);
  });
  const oidc = provider.callback();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", endpoint).pathname;
    if (path === "/oidc" || path.startsWith("/oidc/")) {
      // Mounted like Logto's: oidc-provider works out its mount path from originalUrl.
      Object.assign(req, { originalUrl: req.url });
      req.url = req.url!.slice("/oidc".length) || "/";
      return oidc(req, res);
    }
    const interaction = /^\/interaction\/([\w-]+)$/.exec(path);
    if (interaction) return handleInteraction(provider, errors, interaction[1]!, req, res);
    const avatar = /^\/avatars\/(\w+)\.svg$/.exec(path);
    const account = avatar && findSandboxAccount(avatar[1]!);
    if (account?.github) {
      res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "max-age=3600" });
      return void res.end(avatarSvg(account));
    }
    notFound(res);
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      console.error("Sandbox identity provider error:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("The sandbox identity provider failed; see its log.");
    });
  });

  let closing: Promise<void> | undefined;
  return {
    endpoint,
    issuer,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}
