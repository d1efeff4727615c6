#!/usr/bin/env bash
# `npm test`: everything a change must pass — types, lint, unit/integration tests on both
# databases, then the production build and the browser journeys against it.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "TEST_DATABASE_URL is not set: with CI=true the PostgreSQL tests must run." >&2
    exit 1
  fi
  echo "NOTE: TEST_DATABASE_URL is not set; PostgreSQL suites are reported as skipped." >&2
fi
if [ ! -x "$chromium" ]; then
  echo "Chromium not found at $chromium (apt-get install -y chromium, or set CHROMIUM_PATH)." >&2
  exit 1
fi

step() { printf '\n== %s ==\n' "$1"; }

step "typecheck" && npm run --silent typecheck
step "lint" && npm run --silent lint
step "format" && npm run --silent format:check
step "unit and integration (PGlite${TEST_DATABASE_URL:+ and PostgreSQL})" && npx vitest run --reporter=verbose
# Built with marker values for every secret, so e2e/secret-scan.spec.ts can look for the values.
step "build" && npx tsx test/support/build-with-secret-markers.ts
step "end to end (Chromium)" && npx playwright test
