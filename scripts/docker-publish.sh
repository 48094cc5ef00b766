#!/usr/bin/env bash
# Publishes the silo, gateway and emulators on this machine into artifacts/docker/<image>/, for the Dockerfiles'
# APP_SOURCE=prebuilt (machines that cannot pull the .NET SDK image). The same publish as the Dockerfiles' build stage:
# Release, framework-dependent, no apphost. PUBLISH_NO_BUILD=1 publishes the Release build that is there already
# (CI sets it: scripts/test.sh has just built the solution in Release), which saves compiling everything again.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/docker
rm -rf "$out"
no_build=()
[ "${PUBLISH_NO_BUILD:-0}" = 1 ] && no_build=(--no-build)
publish() { dotnet publish "$1" -c Release "${no_build[@]}" -o "$2" /p:UseAppHost=false -clp:ErrorsOnly -nologo -v:q; }
publish src/Silo/AyonShotgrid.Silo.csproj "$out/silo"
publish src/Gateway/AyonShotgrid.Gateway.csproj "$out/gateway"
publish src/Emulators/ShotGrid/AyonShotgrid.Emulators.ShotGrid.csproj "$out/emulators/shotgrid"
publish src/Emulators/Ayon/AyonShotgrid.Emulators.Ayon.csproj "$out/emulators/ayon"
