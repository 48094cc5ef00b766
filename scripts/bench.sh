#!/usr/bin/env bash
# Builds Release and runs the end-to-end benchmark (emulators + silo + gateway in one process, loopback HTTP).
# Result tables go to bench/results/latest.md (pasted into docs/benchmarks.md by hand or by the caller).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
dotnet build -c Release bench/AyonShotgrid.Benchmarks/AyonShotgrid.Benchmarks.csproj
{ echo "Machine: $(nproc) cores, dotnet $(dotnet --version), $(date -u +%Y-%m-%dT%H:%MZ)"; } > bench/results/machine.txt
dotnet bench/AyonShotgrid.Benchmarks/bin/Release/net10.0/AyonShotgrid.Benchmarks.dll bench/results/latest.md
cat bench/results/machine.txt
