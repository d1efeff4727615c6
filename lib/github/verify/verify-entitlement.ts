import "server-only";
import type { GithubClientProvider, InstallationTarget } from "../client-provider";
import type { GithubCall } from "../result";
import {
  failed,
  noted,
  verdictOf,
  type EntitlementTarget,
  type EntitlementVerification,
  type VerificationCheck,
} from "./verification";
import { verifyRepo } from "./verify-repo";
import { verifyTeam } from "./verify-team";

/**
 * Checks, before a product is sold, that GitHub will let us grant one entitlement: the target
 * exists, who owns it, whether our credentials can administer it (as far as GitHub lets that be
 * seen for this kind of credential), and the custom role. Reads only; one plain-words result
 * per check, every sentence from the error-code table.
 */
export async function verifyEntitlementTarget(
  provider: GithubClientProvider,
  entitlement: EntitlementTarget,
): Promise<EntitlementVerification> {
  const calls: GithubCall[] = [];
  const target: InstallationTarget =
    entitlement.kind === "github_repo"
      ? { owner: entitlement.owner, repo: entitlement.repo }
      : { org: entitlement.org };
  const checks: VerificationCheck[] = [];
  let installation = null;
  if (provider.mode === "app") {
    const found = await provider.installationFor(target);
    calls.push(...found.calls);
    if (!found.ok) return finish([failed("installation", found.error)], calls);
    installation = found.value;
    checks.push(noted("installation", "ok", "app_installed", { owner: found.value.account }));
  }
  const client = await provider.clientFor(target);
  calls.push(...client.calls);
  if (!client.ok) return finish([...checks, failed("installation", client.error)], calls);

  checks.push(
    ...(entitlement.kind === "github_repo"
      ? await verifyRepo(client.value, installation, entitlement, calls)
      : await verifyTeam(client.value, installation, entitlement, calls)),
  );
  return finish(checks, calls);
}

function finish(checks: VerificationCheck[], calls: GithubCall[]): EntitlementVerification {
  return { verdict: verdictOf(checks), checks, calls };
}
