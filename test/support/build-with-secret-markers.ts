// `npm test`'s build: the production build, made with every secret set to a known marker value
// (test/support/secret-markers.ts), then stamped so that e2e/secret-scan.spec.ts knows it may
// look for those values in what the build ships to browsers.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { MARKER_BUILD_STAMP, SECRET_MARKERS } from "./secret-markers";

function main() {
  const built = spawnSync("npm", ["run", "--silent", "build"], {
    stdio: "inherit",
    env: {
      ...process.env,
      ...SECRET_MARKERS,
      // Sign-in is configured completely or not at all; the two public halves, for completeness.
      LOGTO_ENDPOINT: "http://127.0.0.1:9/marker-logto",
      LOGTO_APP_ID: "markerlogtoappid000001",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
  writeFileSync(MARKER_BUILD_STAMP, JSON.stringify({ variables: Object.keys(SECRET_MARKERS) }));
}

main();
