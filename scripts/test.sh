#!/usr/bin/env bash
# The whole test suite, on a fresh machine: builds, starts a throwaway PostgreSQL (installing it from the Debian
# packages when it is missing, see with-postgres.sh), runs every test project against it and the emulators, and
# ends with one line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log="$(mktemp -t ayonsg-tests.XXXXXX.log)"

scripts/ensure-test-tools.sh || exit 1

if ! dotnet build AyonShotgrid.Orleans.sln -c Release --nologo -clp:ErrorsOnly 2>&1 | tee "$log.build"; then
    echo "build failed"
    echo "0 passed, 1 failed"
    exit 1
fi

scripts/with-postgres.sh dotnet test AyonShotgrid.Orleans.sln -c Release --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly prints "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, Duration: …" (or "Failed!").
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- ' "$log" | awk -F'[:,]' '
    { for (i = 1; i <= NF; i++) { gsub(/ /, "", $i) }
      f += $2; p += $4; s += $6 }
    END { printf "%d %d %d\n", p, f, s }')
assemblies=$(grep -cE '^(Passed|Failed)! +- ' "$log")
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
    # A crash or a timeout that left no summary line still is a failure.
    failed=1
fi
echo "test assemblies reporting: $assemblies"
if [ "${skipped:-0}" -gt 0 ]; then
    echo "${passed:-0} passed, ${failed:-0} failed, ${skipped} skipped"
else
    echo "${passed:-0} passed, ${failed:-0} failed"
fi
exit "$status"
