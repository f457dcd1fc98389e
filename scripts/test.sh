#!/usr/bin/env bash
# Runs every test of Briefingbot on a fresh machine of this kind (Debian 12, .NET 10 SDK, Node 20 + npm, root).
# Installs what the tests need first (idempotent: a second run installs nothing):
#   - Debian's chromium (the end-to-end tests drive the Agents Playground's web UI in it; no browser is downloaded)
#   - postgresql-15 if initdb is missing (the storage contract suite runs on a real server on loopback)
#   - the pinned npm tools in tests/e2e-tools (Agents Playground, playwright-core) with `npm ci`
# then starts PostgreSQL on 127.0.0.1, runs `dotnet test Briefingbot.sln`, collects artifacts (logs, trx files,
# screenshots) in artifacts/, stops what it started, and prints one closing line: "N passed, N failed, N skipped".
# Long logs go to artifacts/; failures are shown. Exit code: 0 only if every test passed.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
artifacts="$root/artifacts"
results="$artifacts/test-results"
logs="$artifacts/logs"
rm -rf "$results" "$artifacts/screenshots" "$artifacts/e2e-logs"
mkdir -p "$results" "$logs" "$artifacts/screenshots"
export BRIEFINGBOT_ARTIFACTS="$artifacts"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

step() { printf '== %s\n' "$*"; }
as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# --- 1. Machine packages (Debian) ---------------------------------------------------------------------------------
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v initdb >/dev/null 2>&1 || [[ -x /usr/lib/postgresql/15/bin/initdb ]] || missing+=(postgresql-15)
if ((${#missing[@]})); then
  step "installing ${missing[*]} (apt)"
  as_root apt-get update -qq >"$logs/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$logs/apt.log" 2>&1 \
    || { tail -30 "$logs/apt.log"; echo "apt-get install failed (log: $logs/apt.log)"; exit 1; }
fi

# --- 2. Pinned npm tools -----------------------------------------------------------------------------------------
step "npm ci in tests/e2e-tools"
if ! (cd tests/e2e-tools && npm ci --no-audit --no-fund --loglevel=error >"$logs/npm-ci.log" 2>&1); then
  tail -30 "$logs/npm-ci.log"; echo "npm ci failed (log: $logs/npm-ci.log)"; exit 1
fi

# --- 3. PostgreSQL on loopback -------------------------------------------------------------------------------------
pg_started=""
stop_services() {
  if [[ -n "$pg_started" ]]; then
    bash scripts/start-postgres.sh --stop >>"$logs/postgres.log" 2>&1 || true
  fi
}
trap stop_services EXIT
if [[ -f scripts/start-postgres.sh ]]; then
  step "starting PostgreSQL on 127.0.0.1"
  if BRIEFINGBOT_TEST_POSTGRES="$(bash scripts/start-postgres.sh 2>>"$logs/postgres.log")"; then
    export BRIEFINGBOT_TEST_POSTGRES
    pg_started=1
  else
    tail -20 "$logs/postgres.log"; echo "PostgreSQL did not start (log: $logs/postgres.log)"; exit 1
  fi
fi

# --- 4. Build once, then test every project -------------------------------------------------------------------------
step "dotnet build"
if ! dotnet build Briefingbot.sln -nologo -v q -clp:ErrorsOnly >"$logs/build.log" 2>&1; then
  grep -E 'error|Error' "$logs/build.log" | sort -u | head -50; echo "build failed (log: $logs/build.log)"; exit 1
fi

step "dotnet test (details: $logs/test.log)"
set +e
dotnet test Briefingbot.sln --no-build -nologo \
  --results-directory "$results" \
  --logger "trx" \
  --logger "console;verbosity=minimal" \
  >"$logs/test.log" 2>&1
test_exit=$?
set -e
# Show failures (xunit's console logger prints them between "Failed <name>" and the next test), not the whole log.
grep -E -A25 '^\s+Failed [A-Za-z_.]+' "$logs/test.log" | head -400 || true
grep -E '^(Passed!|Failed!)|error' "$logs/test.log" | grep -v '^\s*$' | head -20 || true

# --- 5. Summary from the trx files -------------------------------------------------------------------------------
# Each test project writes one .trx; its <Counters> hold executed/passed/failed/notExecuted counts.
count() { # sum of one Counters attribute over all trx files
  local total=0 n
  for f in "${trx_files[@]}"; do
    n="$(grep -o "<Counters [^>]*" "$f" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || true)"
    total=$((total + ${n:-0}))
  done
  echo "$total"
}
mapfile -t trx_files < <(find "$results" -name '*.trx' -type f)
summary="$(count passed) $(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) )) $(count notExecuted) ${#trx_files[@]}"
read -r passed failed skipped trx_count <<<"$summary"
if [[ "$trx_count" -eq 0 ]]; then
  tail -40 "$logs/test.log"
  echo "no test results were written"
  failed=$((failed + 1))
fi
echo "artifacts: $artifacts (screenshots, e2e-logs, test-results, logs)"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [[ $test_exit -ne 0 || $failed -ne 0 || $passed -eq 0 ]]; then
  exit 1
fi
