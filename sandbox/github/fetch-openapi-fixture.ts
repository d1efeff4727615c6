// `npx tsx sandbox/github/fetch-openapi-fixture.ts` regenerates openapi-fixture.json: the slice
// of GitHub's OpenAPI descriptions that the emulator implements (openapi-operations.ts), so its
// bodies can be checked against GitHub's own schemas in tests. @octokit/openapi unpacks to
// ~400 MB, so it is never a dependency: we `npm pack` it into a temporary folder, extract the
// files we need, and delete the folder.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OPENAPI_OPERATIONS, type OpenapiDescription } from "./openapi-operations";

const PACKAGE = "@octokit/openapi@23.0.2";
const FILES: Record<OpenapiDescription, string> = {
  "api.github.com": "package/generated/api.github.com.json",
  "ghes-3.19": "package/generated/ghes-3.19.json",
};
const OUTPUT = new URL("./openapi-fixture.json", import.meta.url);

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
  let node: Json = root;
  for (const part of ref.replace(/^#\//, "").split("/")) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) {
      throw new Error(`Cannot resolve ${ref}`);
    }
    const next: Json | undefined = node[part];
    if (next === undefined) throw new Error(`Cannot resolve ${ref}`);
    node = next;
  }
  return node;
}

/**
 * Copies each operation from its description, with every component it references. A component
 * both descriptions define is taken from api.github.com (whose operations are listed first).
 */
function extractFixture(specs: Record<OpenapiDescription, JsonObject>): JsonObject {
  const paths: Record<string, JsonObject> = {};
  const components: Record<string, JsonObject> = {};
  for (const { method, path, from = "api.github.com" } of OPENAPI_OPERATIONS) {
    const spec = specs[from];
    const specPaths = spec.paths as Record<string, Record<string, Json>>;
    const operation = specPaths[path]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in ${from}`);
    paths[path] = { ...paths[path], [method]: withoutExamples(operation) };

    const pending = new Set<string>();
    collectRefs(operation, pending);
    const done = new Set<string>();
    while (pending.size > 0) {
      const [ref] = pending;
      if (ref === undefined) break;
      pending.delete(ref);
      if (done.has(ref)) continue;
      done.add(ref);
      const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
      if (!section || !name) throw new Error(`Unexpected reference ${ref}`);
      if (components[section]?.[name] !== undefined) continue;
      const definition = withoutExamples(lookup(spec, ref));
      components[section] = { ...components[section], [name]: definition };
      collectRefs(definition, pending);
    }
  }
  for (const section of Object.values(components)) {
    const sorted = Object.entries(section).sort(([a], [b]) => a.localeCompare(b));
    for (const key of Object.keys(section)) delete section[key];
    Object.assign(section, Object.fromEntries(sorted));
  }
  return {
    source: `${PACKAGE} generated/api.github.com.json (GHES-only operations: generated/ghes-3.19.json)`,
    openapi: specs["api.github.com"].openapi ?? null,
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
    execFileSync("tar", ["-xzf", tarball, ...Object.values(FILES)], {
      cwd: workDir,
      stdio: "inherit",
    });
    const read = (file: string) =>
      JSON.parse(readFileSync(join(workDir, file), "utf8")) as JsonObject;
    const fixture = extractFixture({
      "api.github.com": read(FILES["api.github.com"]),
      "ghes-3.19": read(FILES["ghes-3.19"]),
    });
    writeFileSync(OUTPUT, `${JSON.stringify(fixture, null, 2)}\n`);
    const schemas = Object.keys((fixture.components as Record<string, JsonObject>).schemas ?? {});
    console.log(
      `Wrote ${OUTPUT.pathname}: ${OPENAPI_OPERATIONS.length} operations, ${schemas.length} schemas.`,
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main();
