import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  MARKER_BUILD_STAMP,
  SECRET_MARKERS,
  secretMarkerValues,
  unclassifiedSettings,
} from "../test/support/secret-markers";
import { findSecretsInDirectory } from "../test/support/secret-scan";

// Issue 17: what `next build` ships to browsers (.next/static) holds no secret, by name or by
// value. `npm test` builds with every secret set to a marker value and stamps the build
// (test/support/build-with-secret-markers.ts); a build made otherwise is scanned for names only.

const STATIC = ".next/static";
const names = Object.keys(SECRET_MARKERS);

test("every setting the app reads is classed as a secret or not", () => {
  expect(unclassifiedSettings(), "add it to SECRET_MARKERS or PUBLIC_SETTINGS").toEqual([]);
});

test("the scan finds a secret planted by name, by value and by shape", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "secret-scan-"));
  try {
    writeFileSync(path.join(dir, "a.js"), `fetch(x,{h:"${SECRET_MARKERS.CRON_SECRET}"})`);
    writeFileSync(path.join(dir, "b.js"), `var k=process.env.LOGTO_COOKIE_SECRET`);
    writeFileSync(path.join(dir, "c.js"), `"ghs_${"a".repeat(36)}"`);
    writeFileSync(path.join(dir, "clean.js"), `console.log("nothing to see")`);
    const { files, findings } = findSecretsInDirectory(dir, [...names, ...secretMarkerValues()]);
    expect(files).toBe(4);
    expect(findings.map((f) => [path.basename(f.where), f.what])).toEqual([
      ["a.js", SECRET_MARKERS.CRON_SECRET],
      ["b.js", "LOGTO_COOKIE_SECRET"],
      ["c.js", `ghs_${"a".repeat(36)}`],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the production build ships no secret variable name, value or credential to browsers", () => {
  expect(existsSync(STATIC), "run the production build first (npm test does)").toBe(true);
  const markedBuild = existsSync(MARKER_BUILD_STAMP);
  if (!markedBuild && process.env.CI === "true") {
    throw new Error(
      `${MARKER_BUILD_STAMP} is missing: build with test/support/build-with-secret-markers.ts`,
    );
  }
  test.info().annotations.push({
    type: "secret values",
    description: markedBuild
      ? "the build was made with marker secrets: their values were looked for too"
      : "the build was not made with marker secrets: names and credential shapes only",
  });
  const { files, findings } = findSecretsInDirectory(STATIC, [
    ...names,
    ...(markedBuild ? secretMarkerValues() : []),
  ]);
  expect(files).toBeGreaterThan(10);
  expect(findings).toEqual([]);
});
