import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CREDENTIAL_SHAPES } from "./secret-markers";

export interface SecretFinding {
  where: string;
  what: string;
}

/** Each needle (a literal) or credential shape found in `text`, labelled with `where`. */
export function findSecrets(
  where: string,
  text: string,
  needles: readonly string[],
  shapes: readonly RegExp[] = CREDENTIAL_SHAPES,
): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const needle of needles) if (text.includes(needle)) found.push({ where, what: needle });
  for (const shape of shapes) {
    const match = shape.exec(text);
    if (match) found.push({ where, what: match[0] });
  }
  return found;
}

/** The same over every file under `dir` (what a build ships to browsers, say). */
export function findSecretsInDirectory(
  dir: string,
  needles: readonly string[],
  shapes?: readonly RegExp[],
): { files: number; findings: SecretFinding[] } {
  let files = 0;
  const findings: SecretFinding[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    const file = path.join(entry.parentPath, entry.name);
    findings.push(...findSecrets(file, readFileSync(file, "latin1"), needles, shapes));
  }
  return { files, findings };
}
