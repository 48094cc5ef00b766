#!/usr/bin/env bash
# End-to-end run against the REAL AYON server (ynput/ayon-backend, started on loopback by the shared real-ayon
# tools) with the production silo and gateway processes and the ShotGrid emulator standing in for ShotGrid (SaaS):
# Prepare, full sync, an idempotent second sync, then a shot created in ShotGrid must appear in AYON via the leecher.
#
#   scripts/e2e-real-ayon.sh            # REAL_AYON_TOOLS overrides ../shared/tools/real-ayon (relative to the repo)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOOLS=${REAL_AYON_TOOLS:-$ROOT/../shared/tools/real-ayon}
[ -x "$TOOLS/start.sh" ] || { echo "real AYON tools not found at $TOOLS (set REAL_AYON_TOOLS)" >&2; exit 2; }

say() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { # url, what, seconds
    local deadline=$(( $(date +%s) + $3 ))
    until curl -fs -o /dev/null "$1"; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for $2 ($1)" >&2; return 1; }
        sleep 0.5   # polling a process we started, not test synchronisation
    done
}

say "building"
for p in src/Silo src/Gateway src/Emulators/ShotGrid; do dotnet build "$p" -c Release -nologo -clp:ErrorsOnly >/dev/null; done

say "starting the real AYON server"
ENV_FILE=$("$TOOLS/start.sh" | tail -n 1)
# shellcheck disable=SC1090
. "$ENV_FILE"
WORK=$(mktemp -d -t ayonsg-e2e.XXXXXX)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    "$TOOLS/stop.sh" >/dev/null 2>&1 || true
    say "logs kept in $WORK"
}
trap cleanup EXIT

SG_PORT=$(free_port); SILO_HTTP=$(free_port); SILO_PORT=$(free_port); SILO_GW=$(free_port); GW_HTTP=$(free_port)
GATEWAY_KEY=e2e-gateway-key-$RANDOM$RANDOM

say "starting the ShotGrid emulator on $SG_PORT"
dotnet src/Emulators/ShotGrid/bin/Release/net10.0/AyonShotgrid.Emulators.ShotGrid.dll --urls "http://127.0.0.1:$SG_PORT" >"$WORK/shotgrid.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$SG_PORT/api/v1" "the ShotGrid emulator" 60
until grep -q "demo project id" "$WORK/shotgrid.log"; do sleep 0.2; done
PROJECT_ID=$(sed -n 's/.*demo project id: \([0-9]*\).*/\1/p' "$WORK/shotgrid.log")
SG_KEY=$(sed -n 's/.*script key: *\([^ ]*\).*/\1/p' "$WORK/shotgrid.log")

common_env=(
    "ShotGrid__Url=http://127.0.0.1:$SG_PORT" "ShotGrid__ScriptName=ayon_sync" "ShotGrid__ApiKey=$SG_KEY"
    "Orleans__ClusterId=e2e" "Orleans__ServiceId=e2e" "Orleans__SiloPort=$SILO_PORT" "Orleans__GatewayPort=$SILO_GW"
)
say "starting the silo (AYON $AYON_SERVER_URL)"
env "${common_env[@]}" "AYON_SERVER_URL=$AYON_SERVER_URL" "AYON_API_KEY=$AYON_API_KEY" \
    "Urls=http://127.0.0.1:$SILO_HTTP" "Dashboard__AllowAnonymous=true" "Sync__PollInterval=00:00:01" \
    dotnet src/Silo/bin/Release/net10.0/AyonShotgrid.Silo.dll >"$WORK/silo.log" 2>&1 &
pids+=($!)
say "starting the gateway"
env "${common_env[@]}" "Gateway__ApiKey=$GATEWAY_KEY" "Urls=http://127.0.0.1:$GW_HTTP" \
    dotnet src/Gateway/bin/Release/net10.0/AyonShotgrid.Gateway.dll >"$WORK/gateway.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$SILO_HTTP/health/ready" "the silo" 90
wait_for "http://127.0.0.1:$GW_HTTP/health" "the gateway" 60

GW="http://127.0.0.1:$GW_HTTP"
api() { curl -fsS -H "x-api-key: $GATEWAY_KEY" -H 'content-type: application/json' "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {'d': d}))" "$1"; }

say "Prepare Project $PROJECT_ID"
PREPARE=$(api -X POST "$GW/api/shotgrid/projects/$PROJECT_ID/prepare")
AYON_PROJECT=$(echo "$PREPARE" | json "d['ayonProjectName']")
echo "$PREPARE" | json "'\n'.join(d['changes'])"

run_sync() {
    local started job_url job state
    started=$(api -X POST -d '{}' "$GW/api/shotgrid/projects/$PROJECT_ID/sync")
    job_url=$(echo "$started" | json "d['statusUrl']")
    while :; do
        job=$(api "$GW$job_url")
        state=$(echo "$job" | json "d['state']")
        [ "$state" = succeeded ] || [ "$state" = failed ] && break
        sleep 0.5
    done
    echo "$job"
}
say "Sync from ShotGrid (first)"
FIRST=$(run_sync)
echo "$FIRST" | json "d['state'], d['counts']"
say "Sync from ShotGrid (second, must create nothing)"
SECOND=$(run_sync)
echo "$SECOND" | json "d['state'], d['counts']"

ayon() { curl -fsS -H "x-api-key: $AYON_API_KEY" "$@"; }
FOLDERS=$(ayon "$AYON_SERVER_URL/api/projects/$AYON_PROJECT/folders?attrib=true" | json "len([f for f in d['folders'] if f['attrib'].get('shotgridId')])")
TASKS=$(ayon -X POST -H 'content-type: application/json' -d "{\"query\":\"{ project(name: \\\"$AYON_PROJECT\\\") { tasks(first: 1000) { edges { node { id } } } } }\"}" "$AYON_SERVER_URL/graphql" | json "len(d['data']['project']['tasks']['edges'])")
say "real AYON holds $FOLDERS linked folders and $TASKS tasks"

say "leecher: a person (HumanUser admin) creates a shot in ShotGrid"
# Not with the sync's own script credentials: the leecher ignores the integration's own writes on purpose.
TOKEN=$(curl -fsS -X POST -d "grant_type=password&username=admin&password=emulator-admin-password" "http://127.0.0.1:$SG_PORT/api/v1/auth/access_token" | json "d['access_token']")
SEQ=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'content-type: application/vnd+shotgun.api3_hash+json' \
    -d "{\"filters\":{\"logical_operator\":\"and\",\"conditions\":[[\"project.Project.id\",\"is\",$PROJECT_ID]]},\"fields\":[\"code\"]}" \
    "http://127.0.0.1:$SG_PORT/api/v1/entity/sequences/_search" | json "d['data'][0]['id']")
T0=$(date +%s.%N)
curl -fsS -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \
    -d "{\"code\":\"sh_e2e_live\",\"project\":{\"type\":\"Project\",\"id\":$PROJECT_ID},\"sg_sequence\":{\"type\":\"Sequence\",\"id\":$SEQ}}" \
    "http://127.0.0.1:$SG_PORT/api/v1/entity/shots" >/dev/null
deadline=$(( $(date +%s) + 60 ))
until ayon "$AYON_SERVER_URL/api/projects/$AYON_PROJECT/folders" | grep -q '"sh_e2e_live"'; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "the live shot did not reach AYON within 60 s" >&2; exit 1; }
    sleep 0.2
done
T1=$(date +%s.%N)
say "live shot visible in real AYON after $(python3 -c "print(round($T1-$T0,2))") s"

test "$(echo "$FIRST" | json "d['state']")" = succeeded
test "$(echo "$SECOND" | json "d['counts']['created']")" = 0
say "OK: first sync $(echo "$FIRST" | json "d['counts']['created']") created; second sync created 0; leecher delivered a live shot"
