import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findServerActionSources, unguardedExports } from "@/test/support/server-actions";
import { isGuardedAction } from "./guard";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("every server action of the app is built with the guard", () => {
  const sources = findServerActionSources(root, ["app", "components", "lib"]);

  it("finds the app's action files, and no inline actions that would escape the check", () => {
    expect(sources.map((source) => source.file)).toEqual(
      expect.arrayContaining([
        path.join("app", "(merchant)", "dashboard", "actions.ts"),
        path.join("app", "(account)", "purchases", "actions.ts"),
      ]),
    );
    const inline = sources.filter((source) => source.inlineLines.length > 0);
    expect(inline, "write inline actions in an actions.ts with merchantAction/buyerAction").toEqual(
      [],
    );
  });

  it("exports nothing from a 'use server' file that merchantAction or buyerAction did not build", async () => {
    for (const source of sources.filter((candidate) => candidate.moduleLevel)) {
      const module = (await import(path.join(root, source.file))) as Record<string, unknown>;
      expect(Object.keys(module).length, `${source.file} exports no action`).toBeGreaterThan(0);
      expect(unguardedExports(module, isGuardedAction), source.file).toEqual([]);
    }
  });

  it("would catch an unguarded action and an inline one (checked on fixtures)", async () => {
    const fixtures = findServerActionSources(root, ["test/support/fixtures/server-actions"]);
    expect(
      fixtures.map(({ file, moduleLevel, inlineLines }) => [file, moduleLevel, inlineLines]),
    ).toEqual([
      ["test/support/fixtures/server-actions/inline-action.tsx", false, [3]],
      ["test/support/fixtures/server-actions/unguarded-actions.ts", true, []],
    ]);
    const unguarded = (await import(
      path.join(root, "test/support/fixtures/server-actions/unguarded-actions.ts")
    )) as Record<string, unknown>;
    expect(unguardedExports(unguarded, isGuardedAction)).toEqual(["deleteEverything"]);
  });
});
