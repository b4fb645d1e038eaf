#!/usr/bin/env bash
# The whole test suite, as the README's second command and .ci/run call it:
# installs what it lacks (Chromium, PostgreSQL from Debian), type-checks and lints, builds,
# then runs every Vitest project on the embedded database (PGlite) and the tests that exercise
# SQL (the `server` project) again on a real PostgreSQL server started here on a loopback port
# in a temporary directory. Browser, CLI and durability tests run once (vitest.config.ts).
set -uo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]} from Debian"
  as_root apt-get update -qq || exit 1
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-noto-core >/dev/null || exit 1
fi

[ -d node_modules ] || { step "npm ci"; npm ci --no-audit --no-fund || exit 1; }

# Independent of each other, so side by side: the type-check is single-threaded and takes the longest.
step "type-check, lint and build"
npm run --silent typecheck & typecheck=$!
npm run --silent lint & lint=$!
npm run --silent build & build=$!
wait $typecheck || exit 1
wait $lint || exit 1
wait $build || exit 1

# PostgreSQL refuses to run as root: run it as the postgres user Debian's package created.
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d /tmp/doimoi-pg-XXXXXX)
pg_port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
stop_pg() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1; rm -rf "$pg_dir"; }
trap stop_pg EXIT

step "starting PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U doimoi --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || exit 1
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null || { cat "$pg_dir/server.log"; exit 1; }

results=$(mktemp -d)
status=0
step "all tests, on the embedded database (PGlite)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/pglite.json" || status=1
step "SQL tests again on PostgreSQL"
TEST_DATABASE_URL="postgres://doimoi@127.0.0.1:$pg_port/postgres" \
  npx vitest run --project server --reporter=default --reporter=json --outputFile.json="$results/postgres.json" || status=1

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const engine of ["pglite", "postgres"]) {
    const file = process.argv[1] + "/" + engine + ".json";
    if (!fs.existsSync(file)) { failed++; console.log(engine + ": no results"); continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    console.log(`${engine}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
  }
  console.log(`Tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (failed > 0) process.exitCode = 1;
' "$results" || status=1
exit $status
