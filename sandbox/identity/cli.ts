// `npm run sandbox:identity -- --port 4011 [--app-url http://localhost:3000]`: the Logto-compatible
// identity provider as a process, with one application registered for the app at --app-url.
import { parseArgs } from "node:util";
import { SANDBOX_ACCOUNTS } from "./accounts";
import { appClient, newAppCredentials } from "./app-client";
import { startIdentityProvider } from "./provider";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4011" },
    "app-url": { type: "string", default: "http://localhost:3000" },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}
const appUrl = values["app-url"];
if (!URL.canParse(appUrl)) {
  console.error(`--app-url must be a URL, got ${appUrl}`);
  process.exit(2);
}

const credentials = newAppCredentials();
const client = appClient(appUrl, credentials);
const provider = await startIdentityProvider({ port, clients: [client] });
console.log(`Logto-compatible identity provider listening on ${provider.endpoint}`);
console.log(`Issuer ${provider.issuer}; application registered for ${appUrl}:`);
console.log(`  LOGTO_ENDPOINT=${provider.endpoint}`);
console.log(`  LOGTO_APP_ID=${credentials.appId}`);
console.log(`  LOGTO_APP_SECRET=${credentials.appSecret}`);
console.log(`  redirect URI ${client.redirectUris.join(", ")}`);
console.log(`  post sign-out URIs ${client.postLogoutRedirectUris.join(", ")}`);
console.log("Accounts (pick one on the sign-in page, no password):");
for (const account of SANDBOX_ACCOUNTS) {
  const github = account.github ? `GitHub ${account.github.login}` : "no GitHub";
  console.log(
    `  ${account.id}  ${account.label}  (${account.primaryEmail ?? "no email"}, ${github})`,
  );
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    provider.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
