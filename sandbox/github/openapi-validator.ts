import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

// Test support: GitHub's response schemas from openapi-fixture.json (the slice of
// @octokit/openapi that scripts/fetch-openapi-fixture.ts extracts).

/**
 * Ajv reads OpenAPI's `nullable` only beside a `type`; GitHub also writes it beside `anyOf`
 * (e.g. an installation's `account`), which becomes "any of these, or null".
 */
function typelessNullable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(typelessNullable);
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) copy[key] = typelessNullable(child);
  if (copy.nullable === true && copy.type === undefined && Array.isArray(copy.anyOf)) {
    delete copy.nullable;
    copy.anyOf = [...(copy.anyOf as unknown[]), { type: "null" }];
  }
  return copy;
}

const fixture = typelessNullable(
  JSON.parse(readFileSync(new URL("./openapi-fixture.json", import.meta.url), "utf8")),
) as { paths: Record<string, Record<string, unknown>> };
// Ajv understands OpenAPI 3.0's `nullable`; `strict: false` lets it skip `discriminator` and
// other OpenAPI-only keywords (oneOf alone already tells private-user from public-user).
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(fixture, "fixture");

/** The validator for one operation's JSON response, e.g. ("/user", "get", 200). */
export function responseSchema(path: string, method: string, status: number): ValidateFunction {
  const pointer = [
    path,
    method,
    "responses",
    String(status),
    "content",
    "application/json",
    "schema",
  ]
    .map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1"))
    .join("/");
  const validate = ajv.getSchema(`fixture#/paths/${pointer}`);
  if (!validate) throw new Error(`No schema for ${method} ${path} ${status}`);
  return validate;
}

/** Schema errors of `body` (empty when valid), for `expect(...).toEqual([])`. */
export function schemaErrors(path: string, method: string, status: number, body: unknown) {
  const validate = responseSchema(path, method, status);
  return validate(body) ? [] : (validate.errors ?? []);
}

/** The operation's documentation URL (which GitHub puts in error bodies), if it is described. */
export function operationDocs(path: string, method: string): string | undefined {
  const operation = fixture.paths[path]?.[method] as
    { externalDocs?: { url?: string } } | undefined;
  return operation?.externalDocs?.url;
}
