import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import type { errors as OidcErrors } from "oidc-provider";
import { accountsOffered } from "./accounts";
import { errorPage, signInPage } from "./pages";

// Logto's sign-in experience, reduced to a list of seeded accounts. Choosing one finishes the
// login prompt and, like Logto does for first-party applications, the consent prompt in the
// same step, so `offline_access` is granted and a refresh token issued. A consent-only prompt
// (a provider session already exists) never shows a page.

type Interaction = Awaited<ReturnType<Provider["interactionDetails"]>>;

const MAX_FORM_BYTES = 4096;

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function directSignIn(interaction: Interaction): string | undefined {
  const value = interaction.params.direct_sign_in;
  return typeof value === "string" ? value : undefined;
}

/** A grant for `accountId` holding every scope the client asked for (Logto's auto-consent). */
async function consentGrant(provider: Provider, interaction: Interaction, accountId: string) {
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant =
    existing?.accountId === accountId
      ? existing
      : new provider.Grant({ accountId, clientId: String(interaction.params.client_id) });
  if (typeof interaction.params.scope === "string") grant.addOIDCScope(interaction.params.scope);
  return grant.save();
}

async function finishWithAccount(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  interaction: Interaction,
  accountId: string,
): Promise<void> {
  const grantId = await consentGrant(provider, interaction, accountId);
  const login = interaction.prompt.name === "login" ? { login: { accountId } } : {};
  await provider.interactionFinished(req, res, { ...login, consent: { grantId } });
}

async function choose(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  interaction: Interaction,
): Promise<void> {
  const form = await readForm(req);
  if (!form) return sendHtml(res, 413, errorPage("Request too large", "Go back and try again."));
  if (form.get("cancel")) {
    return provider.interactionFinished(req, res, {
      error: "access_denied",
      error_description: "End-User aborted interaction",
    });
  }
  const chosen = accountsOffered(directSignIn(interaction)).find(
    (account) => account.id === form.get("account"),
  );
  if (!chosen) {
    return sendHtml(
      res,
      400,
      errorPage("Unknown account", "That account cannot sign in here. Go back and pick another."),
    );
  }
  return finishWithAccount(provider, req, res, interaction, chosen.id);
}

/** Handles GET and POST `/interaction/:uid`. */
export async function handleInteraction(
  provider: Provider,
  errors: typeof OidcErrors,
  uid: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let interaction: Interaction;
  try {
    interaction = await provider.interactionDetails(req, res);
  } catch (error) {
    if (!(error instanceof errors.SessionNotFound)) throw error;
    return sendHtml(
      res,
      400,
      errorPage(
        "Sign-in expired",
        "This sign-in has expired. Go back to the app and sign in again.",
      ),
    );
  }
  if (interaction.uid !== uid) {
    return sendHtml(
      res,
      400,
      errorPage("Sign-in mismatch", "Go back to the app and sign in again."),
    );
  }
  if (req.method === "POST") return choose(provider, req, res, interaction);
  if (req.method !== "GET") {
    res.writeHead(405, { allow: "GET, POST" });
    return void res.end();
  }
  const sessionAccount = interaction.session?.accountId;
  if (interaction.prompt.name === "consent" && sessionAccount) {
    return finishWithAccount(provider, req, res, interaction, sessionAccount);
  }
  const target = directSignIn(interaction);
  sendHtml(
    res,
    200,
    signInPage({
      action: `/interaction/${uid}`,
      accounts: accountsOffered(target),
      github: target === "social:github",
    }),
  );
}
