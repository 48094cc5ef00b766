#!/usr/bin/env bash
# The tests that need the REAL AYON server (tests/AyonShotgrid.RealAyon.Tests): the AYON conformance class against
# the real server, and Prepare / full sync / names / leecher / override-differences end to end on it. Starts a fresh
# server from ../shared/tools/real-ayon (needs root: it runs PostgreSQL as the postgres user), runs the tests, stops
# the server whatever happens. Ends with "N passed, N failed".
#   REAL_AYON_TOOLS   overrides <repo>/../shared/tools/real-ayon
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOOLS=${REAL_AYON_TOOLS:-$ROOT/../shared/tools/real-ayon}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log="$(mktemp -t ayonsg-real-ayon.XXXXXX.log)"

fail() { echo "$1" >&2; echo "0 passed, 1 failed"; exit 1; }
[ -x "$TOOLS/start.sh" ] || fail "real AYON tools not found at $TOOLS (set REAL_AYON_TOOLS)"

stop_server() { timeout 120 "$TOOLS/stop.sh" --clean >/dev/null 2>&1 || true; }
trap stop_server EXIT

if ! timeout 900 dotnet build tests/AyonShotgrid.RealAyon.Tests -c Release --nologo -clp:ErrorsOnly; then
    fail "build failed"
fi

# A fresh server: Prepare must find the attributes missing and restart AYON to add them.
stop_server
timeout 300 "$TOOLS/setup.sh" >"$log.setup" 2>&1 || { cat "$log.setup" >&2; fail "real AYON setup failed (see $log.setup)"; }
env_file=$(timeout 300 "$TOOLS/start.sh" 2>"$log.start" | tail -n 1)
[ -f "$env_file" ] || { cat "$log.start" >&2; fail "real AYON did not start (see $log.start)"; }

# The test run is bounded too: a hung test must not hang CI (the server is stopped by the trap).
REAL_AYON_ENV_FILE="$env_file" timeout 600 dotnet test tests/AyonShotgrid.RealAyon.Tests -c Release --no-build --nologo \
    --logger "console;verbosity=detailed" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The console logger (detailed, so the request-count table is shown) ends with "Total tests: N / Passed: N / Failed: N".
passed=$(grep -E '^ +Passed: +[0-9]+$' "$log" | tail -n 1 | grep -oE '[0-9]+')
failed=$(grep -E '^ +Failed: +[0-9]+$' "$log" | tail -n 1 | grep -oE '[0-9]+')
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
    failed=1   # a crash or a timeout that left no summary line
fi
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
