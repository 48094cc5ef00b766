#!/usr/bin/env bash
# Runs the same scripted request sequence (tools/AyonConformance) against the AYON emulator and, when available,
# a real AYON server, then diffs the normalised outputs.
#   REAL_AYON_TOOLS  directory with setup.sh/start.sh/stop.sh (default: <repo>/../shared/tools/real-ayon)
#   SKIP_REAL=1      only run against the emulator
#   KEEP_REAL=1      leave the real server running afterwards
#   REUSE_REAL=1     use an already running real server instead of a fresh one (restart state may then differ)
#   OUT_DIR          where outputs go (default: <repo>/.tmp/ayon-conformance)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REAL_AYON_TOOLS="${REAL_AYON_TOOLS:-$ROOT/../shared/tools/real-ayon}"
OUT_DIR="${OUT_DIR:-$ROOT/.tmp/ayon-conformance}"
mkdir -p "$OUT_DIR"

dotnet build "$ROOT/src/Emulators/Ayon/AyonShotgrid.Emulators.Ayon.csproj" -nologo -v q
dotnet build "$ROOT/tools/AyonConformance/AyonConformance.csproj" -nologo -v q
CONFORMANCE="dotnet run --no-build --project $ROOT/tools/AyonConformance --"

# The emulator runs in restart mode so attribute handling matches the real server.
EMU_KEY="conformance-$RANDOM$RANDOM"
dotnet run --no-build --project "$ROOT/src/Emulators/Ayon" -- --urls http://127.0.0.1:0 --api-key "$EMU_KEY" --require-restart \
  > "$OUT_DIR/emulator.log" 2>&1 &
EMU_PID=$!
trap 'kill "$EMU_PID" 2>/dev/null || true' EXIT

EMU_URL=""
for _ in $(seq 1 100); do
  EMU_URL="$(grep -oE 'listening on http://127\.0\.0\.1:[0-9]+' "$OUT_DIR/emulator.log" | head -n 1 | sed 's/listening on //')" || true
  [ -n "$EMU_URL" ] && break
  sleep 0.2
done
[ -n "$EMU_URL" ] || { echo "emulator did not start; see $OUT_DIR/emulator.log" >&2; exit 1; }

AYON_API_KEY="$EMU_KEY" $CONFORMANCE "$EMU_URL" > "$OUT_DIR/emulator.txt"
echo "emulator: $(wc -l < "$OUT_DIR/emulator.txt") steps -> $OUT_DIR/emulator.txt"

if [ "${SKIP_REAL:-0}" = "1" ] || [ ! -x "$REAL_AYON_TOOLS/start.sh" ]; then
  echo "real AYON not run (SKIP_REAL=1 or no tools at $REAL_AYON_TOOLS)"
  exit 0
fi

"$REAL_AYON_TOOLS/setup.sh" > "$OUT_DIR/real-setup.log" 2>&1
# A fresh server, so "restart required" starts false as it does in the emulator.
[ "${REUSE_REAL:-0}" = "1" ] || "$REAL_AYON_TOOLS/stop.sh" --clean > /dev/null 2>&1 || true
ENV_FILE="$("$REAL_AYON_TOOLS/start.sh" | tail -n 1)"
# shellcheck disable=SC1090
. "$ENV_FILE"
AYON_API_KEY="$AYON_API_KEY" $CONFORMANCE "$AYON_SERVER_URL" > "$OUT_DIR/real.txt"
echo "real:     $(wc -l < "$OUT_DIR/real.txt") steps -> $OUT_DIR/real.txt"
[ "${KEEP_REAL:-0}" = "1" ] || "$REAL_AYON_TOOLS/stop.sh" > /dev/null

if diff -u "$OUT_DIR/real.txt" "$OUT_DIR/emulator.txt" > "$OUT_DIR/diff.txt"; then
  echo "emulator matches the real server on every step"
else
  cat "$OUT_DIR/diff.txt"
  exit 1
fi
