// Regenerates sandbox/github/openapi-fixture.json: the slice of GitHub's OpenAPI description that
// the emulator implements, so its bodies can be checked against GitHub's own schemas in tests.
// @octokit/openapi unpacks to ~400 MB, so it is never a dependency: we `npm pack` it into a
// temporary folder, extract the one file we need, and delete the folder.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PACKAGE = "@octokit/openapi@23.0.2";
const DESCRIPTION = "package/generated/api.github.com.json";
const OUTPUT = new URL("../sandbox/github/openapi-fixture.json", import.meta.url);

/** The operations lib/github calls and sandbox/github emulates. */
const OPERATIONS: ReadonlyArray<readonly [method: string, path: string]> = [
  ["get", "/user"],
  ["get", "/user/{account_id}"],
  ["get", "/users/{username}"],
  ["get", "/orgs/{org}/members/{username}"],
  ["get", "/repos/{owner}/{repo}"],
  ["get", "/repos/{owner}/{repo}/collaborators"],
  ["get", "/repos/{owner}/{repo}/collaborators/{username}"],
  ["put", "/repos/{owner}/{repo}/collaborators/{username}"],
  ["delete", "/repos/{owner}/{repo}/collaborators/{username}"],
  ["get", "/repos/{owner}/{repo}/collaborators/{username}/permission"],
  ["get", "/repos/{owner}/{repo}/invitations"],
  ["patch", "/repos/{owner}/{repo}/invitations/{invitation_id}"],
  ["delete", "/repos/{owner}/{repo}/invitations/{invitation_id}"],
  ["get", "/user/repository_invitations"],
  ["patch", "/user/repository_invitations/{invitation_id}"],
  ["delete", "/user/repository_invitations/{invitation_id}"],
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Copies a value without `examples`/`example` (bulky, and not part of the contract). */
function withoutExamples(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutExamples);
  if (value === null || typeof value !== "object") return value;
  const copy: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key !== "examples" && key !== "example") copy[key] = withoutExamples(child);
  }
  return copy;
}

function collectRefs(value: Json, into: Set<string>): void {
  if (Array.isArray(value)) return value.forEach((item) => collectRefs(item, into));
  if (value === null || typeof value !== "object") return;
  for (const [key, child] of Object.entries(value)) {
    if (key === "$ref" && typeof child === "string") into.add(child);
    else collectRefs(child, into);
  }
}

function lookup(root: JsonObject, ref: string): Json {
  const parts = ref.replace(/^#\//, "").split("/");
  let node: Json = root;
  for (const part of parts) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) {
      throw new Error(`Cannot resolve ${ref}`);
    }
    const next: Json | undefined = node[part];
    if (next === undefined) throw new Error(`Cannot resolve ${ref}`);
    node = next;
  }
  return node;
}

function extractFixture(spec: JsonObject): JsonObject {
  const specPaths = spec.paths as Record<string, Record<string, Json>>;
  const paths: Record<string, JsonObject> = {};
  for (const [method, path] of OPERATIONS) {
    const operation = specPaths[path]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in ${PACKAGE}`);
    paths[path] = { ...paths[path], [method]: withoutExamples(operation) };
  }

  const components: Record<string, JsonObject> = {};
  const pending = new Set<string>();
  collectRefs(paths, pending);
  const done = new Set<string>();
  while (pending.size > 0) {
    const [ref] = pending;
    if (ref === undefined) break;
    pending.delete(ref);
    if (done.has(ref)) continue;
    done.add(ref);
    const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
    if (!section || !name) throw new Error(`Unexpected reference ${ref}`);
    const definition = withoutExamples(lookup(spec, ref));
    components[section] = { ...components[section], [name]: definition };
    collectRefs(definition, pending);
  }
  for (const section of Object.values(components)) {
    const sorted = Object.fromEntries(
      Object.entries(section).sort(([a], [b]) => a.localeCompare(b)),
    );
    for (const key of Object.keys(section)) delete section[key];
    Object.assign(section, sorted);
  }

  return {
    source: `${PACKAGE} ${DESCRIPTION.replace(/^package\//, "")}`,
    openapi: spec.openapi ?? null,
    paths,
    components,
  };
}

function main(): void {
  const workDir = mkdtempSync(join(tmpdir(), "openapi-fixture-"));
  try {
    execFileSync("npm", ["pack", PACKAGE, "--pack-destination", workDir, "--silent"], {
      cwd: workDir,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const tarball = readdirSync(workDir).find((file) => file.endsWith(".tgz"));
    if (!tarball) throw new Error(`npm pack ${PACKAGE} produced no tarball`);
    execFileSync("tar", ["-xzf", tarball, DESCRIPTION], { cwd: workDir, stdio: "inherit" });
    const spec = JSON.parse(readFileSync(join(workDir, DESCRIPTION), "utf8")) as JsonObject;
    const fixture = extractFixture(spec);
    writeFileSync(OUTPUT, `${JSON.stringify(fixture, null, 2)}\n`);
    const schemas = Object.keys((fixture.components as Record<string, JsonObject>).schemas ?? {});
    console.log(
      `Wrote ${OUTPUT.pathname}: ${OPERATIONS.length} operations, ${schemas.length} schemas.`,
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main();
