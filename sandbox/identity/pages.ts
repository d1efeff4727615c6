import type { SandboxAccount } from "./accounts";

// The few HTML pages a person sees at the sandbox identity provider. Plain HTML and CSS, no
// scripts except the one that submits the sign-out form, as Logto's own logout page does.

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { margin: 0; background: Canvas; color: CanvasText; }
  main { max-width: 28rem; margin: 3rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  .note { margin: 0 0 1.5rem; opacity: .8; }
  .badge { display: inline-block; font-size: .75rem; font-weight: 600; letter-spacing: .04em;
    text-transform: uppercase; border: 1px solid currentColor; border-radius: 999px;
    padding: 0 .5rem; margin-bottom: .75rem; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
  button { font: inherit; color: inherit; cursor: pointer; }
  .account { width: 100%; text-align: left; padding: .75rem 1rem; border-radius: .5rem;
    border: 1px solid color-mix(in srgb, CanvasText 25%, Canvas); background: Canvas; }
  .account:hover { border-color: CanvasText; }
  .account:focus-visible, .link:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
  .account strong { display: block; }
  .account span { display: block; font-size: .875rem; opacity: .8; }
  .link { margin-top: 1.5rem; background: none; border: 0; padding: 0; text-decoration: underline; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>
<p class="badge">Sandbox</p>
${body}
</main></body>
</html>`;
}

/** One line under an account's name: what the app will learn about this person. */
function describeAccount(account: SandboxAccount): string {
  const parts: string[] = [];
  if (account.github) parts.push(`GitHub ${account.github.login} (id ${account.github.id})`);
  if (account.primaryEmail) parts.push(account.primaryEmail);
  if (account.roles.length > 0) parts.push(`Logto role: ${account.roles.join(", ")}`);
  if (!account.github) parts.push("no GitHub identity");
  return parts.join(" · ");
}

export function signInPage(options: {
  action: string;
  accounts: readonly SandboxAccount[];
  github: boolean;
}): string {
  const title = options.github ? "Sign in with GitHub (sandbox)" : "Sign in (sandbox)";
  const note = options.github
    ? "Stands in for Logto's GitHub connector: pick a GitHub account. No password is needed."
    : "Stands in for Logto's sign-in page: pick an account. No password is needed.";
  const buttons = options.accounts
    .map(
      (account) => `<li><button class="account" type="submit" name="account" value="${escapeHtml(
        account.id,
      )}" aria-describedby="about-${escapeHtml(account.id)}">
<strong>${escapeHtml(account.label)}</strong>
<span id="about-${escapeHtml(account.id)}">${escapeHtml(describeAccount(account))}</span>
</button></li>`,
    )
    .join("\n");
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p class="note">${escapeHtml(note)}</p>
<form method="post" action="${escapeHtml(options.action)}">
<ul aria-label="Accounts">
${buttons}
</ul>
<button class="link" type="submit" name="cancel" value="yes">Cancel and go back</button>
</form>`,
  );
}

/**
 * oidc-provider's sign-out confirmation, submitted at once with `logout=yes` (end the whole
 * session), like Logto's logout page. The button is there for browsers without scripts.
 */
export function logoutPage(form: string): string {
  const confirmed = form.replace(
    "</form>",
    '<input type="hidden" name="logout" value="yes"></form>',
  );
  const formId = /id="([^"]+)"/.exec(form)?.[1] ?? "op.logoutForm";
  return layout(
    "Signing out…",
    `<h1>Signing out…</h1>
${confirmed}
<button class="account" type="submit" form="${escapeHtml(formId)}">Sign out</button>
<script>document.getElementById(${JSON.stringify(formId)}).submit();</script>`,
  );
}

export function signedOutPage(): string {
  return layout("Signed out", "<h1>You are signed out</h1><p>You can close this page.</p>");
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

/** A round picture with the account's initial, so the sandbox needs no avatar service. */
export function avatarSvg(account: SandboxAccount): string {
  const initial = escapeHtml((account.github?.login ?? account.label).slice(0, 1).toUpperCase());
  let hue = 0;
  for (const char of account.id) hue = (hue * 31 + char.charCodeAt(0)) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img" aria-label="${escapeHtml(account.label)}">
<circle cx="48" cy="48" r="48" fill="hsl(${hue} 55% 45%)"/>
<text x="48" y="62" font-family="system-ui, sans-serif" font-size="44" text-anchor="middle" fill="#fff">${initial}</text>
</svg>`;
}
