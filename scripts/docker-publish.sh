#!/usr/bin/env bash
# Publishes the silo, gateway and emulators on this machine into artifacts/docker/<image>/, for the Dockerfiles'
# APP_SOURCE=prebuilt (machines that cannot pull the .NET SDK image). The same publish as the Dockerfiles' build stage:
# Release, framework-dependent, no apphost.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/docker
rm -rf "$out"
publish() { dotnet publish "$1" -c Release -o "$2" /p:UseAppHost=false -clp:ErrorsOnly -nologo -v:q; }
publish src/Silo/AyonShotgrid.Silo.csproj "$out/silo"
publish src/Gateway/AyonShotgrid.Gateway.csproj "$out/gateway"
publish src/Emulators/ShotGrid/AyonShotgrid.Emulators.ShotGrid.csproj "$out/emulators/shotgrid"
publish src/Emulators/Ayon/AyonShotgrid.Emulators.Ayon.csproj "$out/emulators/ayon"
