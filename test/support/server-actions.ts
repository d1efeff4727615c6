import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface ServerActionSource {
  /** Path relative to the scanned root. */
  file: string;
  /** The whole module is "use server": every export is a server action. */
  moduleLevel: boolean;
  /** Functions marked "use server" inside their body (inline actions), by line. */
  inlineLines: number[];
}

const SOURCE = /\.(ts|tsx)$/;
const SKIP = new Set(["node_modules", ".next", ".data", "test-results"]);

/** Every file under `dirs` (relative to root) that declares server actions, either way. */
export function findServerActionSources(root: string, dirs: string[]): ServerActionSource[] {
  const found: ServerActionSource[] = [];
  for (const dir of dirs) {
    for (const file of walk(path.join(root, dir))) {
      const source = inspect(file);
      if (source.moduleLevel || source.inlineLines.length > 0) {
        found.push({ ...source, file: path.relative(root, file) });
      }
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith(".test.ts")) yield full;
  }
}

function inspect(file: string): ServerActionSource {
  const text = readFileSync(file, "utf8");
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const inlineLines: number[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body && ts.isBlock(node.body)) {
      if (hasUseServer(node.body.statements)) {
        inlineLines.push(sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { file, moduleLevel: hasUseServer(sourceFile.statements), inlineLines };
}

// Directives are the leading string-literal statements of a file or function body.
function hasUseServer(statements: ts.NodeArray<ts.Statement>): boolean {
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) {
      return false;
    }
    if (statement.expression.text === "use server") return true;
  }
  return false;
}

/** Names of a module's exports that `isGuarded` does not recognise. */
export function unguardedExports(
  module: Record<string, unknown>,
  isGuarded: (value: unknown) => boolean,
): string[] {
  return Object.keys(module).filter((name) => !isGuarded(module[name]));
}
