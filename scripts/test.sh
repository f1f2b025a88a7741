#!/usr/bin/env bash
# npm test: lint, types, web build, then every test suite (unit; API on PGlite; API on PostgreSQL;
# browser tests in Chromium). PostgreSQL: DATABASE_URL_TEST, else a throw-away local cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Biome"
npx biome check .
echo "== tsc --noEmit"
npx tsc --noEmit -p .
echo "== vite build"
npx vite build --logLevel warn
echo "== server build (esbuild)"
node scripts/buildServer.mjs

if [ -z "${DATABASE_URL_TEST:-}" ]; then
  if out=$(scripts/throwaway-postgres.sh 2>/dev/null); then
    eval "$out"
    trap 'scripts/throwaway-postgres.sh stop "$LOTRINH_PG_DIR"' EXIT
    echo "== PostgreSQL: throw-away cluster at $DATABASE_URL_TEST"
  elif [ "${CI:-}" = "true" ]; then
    echo "CI=true but no PostgreSQL: set DATABASE_URL_TEST or install the postgresql package" >&2
    exit 1
  else
    echo "== PostgreSQL: SKIPPED — no server found. Set DATABASE_URL_TEST to run the API suite on PostgreSQL too."
  fi
fi

echo "== Vitest"
npx vitest run
