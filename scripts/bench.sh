#!/usr/bin/env bash
# Builds Release and runs the end-to-end benchmark: emulators in this process, silo + gateway in a child process, all on
# loopback. Arguments go to the benchmark (--quick, --entities N, --postgres CS, --event-rate R, --event-seconds S,
# --poll-interval T, --setting K=V, --cluster-gc MODE, --out DIR, --push N for the AYON → ShotGrid push scenario;
# --notes N [--note-rate R] [--note-seconds S] for the ShotGrid notes → AYON comments scenario;
# --help lists them). With ORLEANS_TEST_PG set (as
# scripts/with-postgres.sh does) and no --postgres, the cluster uses that PostgreSQL.
# Results: bench/results/latest.json and latest.md (docs/benchmarks.md keeps the figures worth keeping).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
dotnet build -c Release bench/AyonShotgrid.Benchmarks/AyonShotgrid.Benchmarks.csproj
if [[ -n "${ORLEANS_TEST_PG:-}" && -z "${BENCH_POSTGRES:-}" ]]; then
  export BENCH_POSTGRES="$ORLEANS_TEST_PG"
fi
{ echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM, dotnet $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"; } > bench/results/machine.txt
dotnet bench/AyonShotgrid.Benchmarks/bin/Release/net10.0/AyonShotgrid.Benchmarks.dll "$@"
cat bench/results/machine.txt
