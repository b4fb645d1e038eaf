#!/usr/bin/env bash
# The whole test suite, as the README's second command and .ci/run call it:
# installs what it lacks from Debian (scripts/debian-packages.sh), builds, then type-checks and lints while
# it runs every Vitest project on the embedded database (PGlite) and the tests that exercise SQL
# (the `server` project) again on a real PostgreSQL server started here on a loopback port in a
# temporary directory. Browser, CLI and durability tests run once (vitest.config.ts).
set -uo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

bash scripts/debian-packages.sh || exit 1

[ -d node_modules ] || { step "npm ci"; npm ci --no-audit --no-fund || exit 1; }

step "build"
npm run --silent build || exit 1

# Temporary files in memory where the machine has /dev/shm: every test database is a copy of a template
# (64 MB on PGlite), and copying and writing them on disk cost more CPU than many of the tests themselves.
run_tmp=$(mktemp -d "$([ -w /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")/doimoi-test-XXXXXX")
chmod 755 "$run_tmp" # the PostgreSQL server's user goes through it to its data directory
export TMPDIR=$run_tmp

# PostgreSQL refuses to run as root: run it as the postgres user Debian's package created.
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d)
pg_port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
# The template databases every Vitest process of this run copies its test databases from (global-setup.ts).
export DOIMOI_TEST_TEMPLATES=$(mktemp -d)
stop_pg() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1; rm -rf "$run_tmp"; }
trap stop_pg EXIT

# A throwaway server: no fsync (the durability tests kill processes, not the machine, and run on PGlite).
step "starting PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U doimoi --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || exit 1
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null || { cat "$pg_dir/server.log"; exit 1; }

results=$(mktemp -d)
logs=$(mktemp -d)
started=$SECONDS

# Three streams side by side, each logging to its own file, printed whole when it ends: the browser tests
# mostly wait on Chromium and the type-check is single-threaded, so together they keep both cores busy.
stream() {
  local name=$1; shift
  ( "$@" ) >"$logs/$name.log" 2>&1
  local code=$?
  step "$name: $([ $code -eq 0 ] && echo passed || echo FAILED) after $((SECONDS - started)) s"
  cat "$logs/$name.log"
  return $code
}
# The type-check and lint at the lowest priority: they need no timing, and take the CPU the browser tests
# leave while waiting on Chromium, rather than slowing the tests that time a shutdown or a deadline.
checks() { nice -n 19 npm run --silent typecheck && nice -n 19 npm run --silent lint; }
browser_tests() {
  npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json="$results/e2e.json"
}
process_tests() {
  npx vitest run --project processes --reporter=default --reporter=json --outputFile.json="$results/processes.json"
}
sql_tests() {
  local status=0
  npx vitest run --project unit --project server \
    --reporter=default --reporter=json --outputFile.json="$results/pglite.json" || status=1
  TEST_DATABASE_URL="postgres://doimoi@127.0.0.1:$pg_port/postgres" \
    npx vitest run --project server --reporter=default --reporter=json --outputFile.json="$results/postgres.json" || status=1
  return $status
}

step "type-check and lint beside: first the tests that time processes, then the browser tests · every other test on PGlite, then the SQL tests on PostgreSQL"
stream "type-check and lint" checks & checks_pid=$!
status=0
# The CLI, kill -9, SIGTERM and cluster tests time real processes (exit within 2 s of SIGTERM): they run
# before the browser and server tests load both cores, with only the lowest-priority type-check beside them.
stream "processes (CLI, kill -9, SIGTERM, cluster; PGlite)" process_tests || status=1
stream "browser tests (Chromium, PGlite)" browser_tests & browser_pid=$!
stream "tests on PGlite, then on PostgreSQL" sql_tests & sql_pid=$!
wait $checks_pid || status=1
wait $browser_pid || status=1
wait $sql_pid || status=1

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  const failures = [];
  for (const run of ["processes", "pglite", "e2e", "postgres"]) {
    const file = process.argv[1] + "/" + run + ".json";
    if (!fs.existsSync(file)) { failed++; console.log(run + ": no results"); continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    console.log(`${run}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
    for (const f of r.testResults)
      for (const t of f.assertionResults.filter((a) => a.status === "failed"))
        failures.push(`FAILED (${run}) ${f.name.replace(process.cwd() + "/", "")} > ${t.fullName}\n  ` +
          (t.failureMessages[0] ?? "").split("\n").slice(0, 6).join("\n  "));
  }
  // Each failure again at the very end, where a log cut to its last lines still shows it.
  for (const failure of failures) console.log(failure);
  console.log(`Tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (failed > 0) process.exitCode = 1;
' "$results" || status=1
echo "wall time: $((SECONDS - started)) s after the build"
exit $status
