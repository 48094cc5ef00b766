#!/usr/bin/env bash
# The production path, proven: builds the images, starts docker/docker-compose.yml with the emulators (demo.env),
# scales to three silos, syncs the emulator's demo project through the gateway's published port, streams ShotGrid
# events, `docker kill`s the silo that hosts the leecher mid-stream and checks that nothing was lost, duplicated or
# left behind; then a graceful `docker stop`, `up --scale silo=1` and `down -v`. Prints its figures and ends with
# "N passed, N failed". Needs root (it starts a Docker engine when none answers: scripts/docker-engine.sh).
#   scripts/compose-drill.sh            STREAM_SHOTS=300 (shots created by the stream), KEEP_ENGINE=1 leaves dockerd up,
#                                       SKIP_PUBLISH=1 reuses artifacts/docker/ from the last run (when iterating on the drill)
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

stream_shots=${STREAM_SHOTS:-300}
project=ayonsg-drill
work=$(mktemp -d -t ayonsg-drill.XXXXXX)
drill_start=$SECONDS
passed=0
failed=0
figures=()

say() { echo "drill: $*"; }
pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
figure() { figures+=("$1: $2"); echo "FIGURE $1: $2"; }
now_ms() { date +%s%3N; }
secs_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

finish() {
    local status=$?
    [ -n "${pinger_pid:-}" ] && kill "$pinger_pid" 2>/dev/null
    [ -n "${stream_pid:-}" ] && kill "$stream_pid" 2>/dev/null
    if [ "${stack_up:-0}" = 1 ]; then
        compose logs --no-color > "$work/compose.log" 2>&1 || true
        compose down -v --remove-orphans >/dev/null 2>&1 || true
    fi
    # Docker data: the app images and the build cache go; the two base images stay (made once per machine, ~1 min).
    if docker info >/dev/null 2>&1; then
        docker image rm -f ayon-shotgrid-silo:drill ayon-shotgrid-gateway:drill ayon-shotgrid-emulators:drill >/dev/null 2>&1 || true
        docker builder prune -af >/dev/null 2>&1 || true
        docker image prune -f >/dev/null 2>&1 || true
    fi
    if [ "${engine_started:-0}" = 1 ] && [ "${KEEP_ENGINE:-0}" != 1 ]; then
        scripts/docker-engine.sh stop
    fi
    df -h / | tail -n 1 | awk '{ print "drill: disk after: " $4 " free" }'
    echo "drill: logs kept in $work"
    echo "drill: took $((SECONDS - drill_start)) s"
    for f in "${figures[@]}"; do echo "  $f"; done
    [ $status -ne 0 ] && [ $failed -eq 0 ] && failed=1
    echo "$passed passed, $failed failed"
    [ $failed -eq 0 ]
    exit $?
}
trap finish EXIT
trap 'exit 143' TERM INT   # so that CI's timeout (SIGTERM) still runs finish: down -v, cleanup, totals

# --- engine, base images, publish -----------------------------------------------------------------------------
docker info >/dev/null 2>&1 || engine_started=1
scripts/docker-engine.sh start || { fail "a Docker engine starts"; exit 1; }
df -h / | tail -n 1 | awk '{ print "drill: disk before: " $4 " free" }'
t=$SECONDS
scripts/docker-base-images.sh || { fail "the local base images are made"; exit 1; }
figure "base images (debootstrap + import, 0 when cached)" "$((SECONDS - t)) s"
t=$SECONDS
[ "${SKIP_PUBLISH:-0}" = 1 ] && [ -d artifacts/docker/silo ] || scripts/docker-publish.sh || { fail "the apps publish"; exit 1; }
figure "dotnet publish (3 apps)" "$((SECONDS - t)) s"

export RUNTIME_IMAGE=ayonsg-local/dotnet-runtime:10.0 SDK_IMAGE=ayonsg-local/dotnet-runtime:10.0 APP_SOURCE=prebuilt
export POSTGRES_IMAGE=ayonsg-local/postgres:15 IMAGE_TAG=drill
gateway_port=$(free_port)
export GATEWAY_PORT=127.0.0.1:$gateway_port DRILL_SHOTGRID_PORT=$(free_port) DRILL_AYON_PORT=$(free_port)
compose() { docker compose -p "$project" --env-file docker/demo.env -f docker/docker-compose.yml -f docker/compose-drill.yml "$@"; }
env_value() { grep -E "^$1=" docker/demo.env | head -n 1 | cut -d= -f2-; }
gateway_key=$(env_value GATEWAY_API_KEY)
sg_key=$(env_value SHOTGRID_API_KEY)
ayon_key=$(env_value AYON_API_KEY)
gw="http://127.0.0.1:$gateway_port"
sg="http://127.0.0.1:$DRILL_SHOTGRID_PORT"
ayon="http://127.0.0.1:$DRILL_AYON_PORT"
gw_get() { curl -s -g -m 10 -H "x-api-key: $gateway_key" "$gw/$1"; }
gw_post() { curl -s -m 30 -H "x-api-key: $gateway_key" -H 'content-type: application/json' -d "${2:-{\}}" "$gw/$1"; }

# --- images ---------------------------------------------------------------------------------------------------
t=$SECONDS
# --no-cache: the build is only COPY steps on the base, and BuildKit's cache in the 20.10 engine named images from
# cache entries whose layers the last run had pruned (the tag then pointed at nothing).
compose build --no-cache > "$work/build.log" 2>&1
build_status=$?
figure "docker compose build (3 images)" "$((SECONDS - t)) s"
[ $build_status -eq 0 ] || { tail -n 40 "$work/build.log"; fail "docker compose build"; exit 1; }
images_built() { local i; for i in ayon-shotgrid-silo:drill ayon-shotgrid-gateway:drill ayon-shotgrid-emulators:drill; do docker image inspect "$i" >/dev/null 2>&1 || return 1; done; }
check "docker compose build made the three images" images_built

secrets=()
for name in POSTGRES_PASSWORD SHOTGRID_API_KEY AYON_API_KEY GATEWAY_API_KEY DASHBOARD_PASSWORD; do secrets+=("$(env_value $name)"); done
# Which of .env's secret values (by position, never printed) a file holds.
secrets_in() { local i; for i in "${!secrets[@]}"; do grep -a -q -F -- "${secrets[$i]}" "$1" && echo "secret #$i"; done; }
no_secret_in() { local found; found=$(secrets_in "$1"); [ -z "$found" ] || { echo "  $found in $1"; return 1; }; }
for image in ayon-shotgrid-silo:drill ayon-shotgrid-gateway:drill ayon-shotgrid-emulators:drill; do
    size=$(docker image inspect --format '{{.Size}}' "$image")
    figure "image $image" "$(numfmt --to=iec --format '%.0f' "$size") ($size bytes)"
    user=$(docker image inspect --format '{{.Config.User}}' "$image")
    check "$image runs as a non-root user ($user)" test -n "$user" -a "$user" != 0 -a "$user" != root
    # Everything an image carries: its config (env, history) and every layer's files.
    { docker image inspect "$image"; docker history --no-trunc "$image"; } > "$work/image-config"
    docker save "$image" > "$work/image.tar"
    check "$image carries no secret of .env in its config or history" no_secret_in "$work/image-config"
    check "$image carries no secret of .env in its layers" no_secret_in "$work/image.tar"
    rm -f "$work/image.tar"
done
postgres_size=$(docker image inspect --format '{{.Size}}' "$POSTGRES_IMAGE")
figure "image $POSTGRES_IMAGE" "$(numfmt --to=iec --format '%.0f' "$postgres_size")"

# --- up, three silos ------------------------------------------------------------------------------------------
up_ms=$(now_ms)
stack_up=1
compose up -d --scale silo=3 > "$work/up.log" 2>&1 || { cat "$work/up.log"; fail "compose up --scale silo=3"; exit 1; }
silos() { docker ps --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=silo" --format '{{.Names}}' | sort; }
healthy_silos() { local n=0 c; for c in $(silos); do [ "$(docker inspect -f '{{.State.Health.Status}}' "$c")" = healthy ] && n=$((n + 1)); done; echo $n; }
wait_for() { # description, seconds, command...
    local what=$1 limit=$2 deadline=$((SECONDS + $2)); shift 2
    until "$@"; do
        [ $SECONDS -ge $deadline ] && { echo "  timed out after ${limit} s waiting for $what"; return 1; }
        sleep 0.5
    done
}
gateway_ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$gw/health/ready")" = 200 ]; }
three_healthy() { [ "$(healthy_silos)" = 3 ]; }
check "gateway ready on its published port" wait_for "the gateway" 180 gateway_ready
check "three silos healthy (image health check)" wait_for "three healthy silos" 180 three_healthy
figure "compose up → 3 silos healthy + gateway ready" "$(secs_since "$up_ms") s"
gw_health=$(docker inspect -f '{{.State.Health.Status}}' "$(docker ps -q --filter "label=com.docker.compose.project=$project" --filter label=com.docker.compose.service=gateway)")
check "gateway container healthy (image health check: $gw_health)" wait_for "a healthy gateway" 60 bash -c "[ \"\$(docker inspect -f '{{.State.Health.Status}}' \$(docker ps -q --filter label=com.docker.compose.project=$project --filter label=com.docker.compose.service=gateway))\" = healthy ]"
for c in $(silos); do
    started=$(date -d "$(docker inspect -f '{{.State.StartedAt}}' "$c")" +%s%3N)
    ready=$(docker logs -t "$c" 2>&1 | awk '/Application started/ && !t { t = $1 } END { print t }')
    [ -n "$ready" ] && figure "silo start ($c: container start → Application started)" "$(awk -v a="$started" -v b="$(date -d "$ready" +%s%3N)" 'BEGIN { printf "%.1f", (b - a) / 1000 }') s"
done
# A container's env: .env's secrets only in the variables compose sets from .env, nowhere else.
docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$(silos | head -n 1)" \
    | grep -v -E '^(ShotGrid__ApiKey|Ayon__ApiKey|ConnectionStrings__Orleans|Dashboard__Password)=' > "$work/silo-env"
check "a silo's docker inspect env holds secrets only where .env passes them" no_secret_in "$work/silo-env"

# --- prepare + sync through the gateway -----------------------------------------------------------------------
# The drill writes to ShotGrid as a person (the emulator's admin login), not as the sync's script: the leecher ignores
# events of its own script user, as it must for its own writes.
sg_token=$(curl -s -m 10 -d grant_type=password -d username=admin -d password=emulator-admin-password "$sg/api/v1/auth/access_token" | jq -r .access_token)
sg_get() { curl -s -g -m 10 -H "Authorization: Bearer $sg_token" -H 'Accept: application/json' "$sg/api/v1/$1"; }
sg_write() { curl -s -g -m 10 -X "$1" -H "Authorization: Bearer $sg_token" -H 'Content-Type: application/json' -H 'Accept: application/json' -d "$3" "$sg/api/v1/$2"; }
sg_project=$(sg_get 'entity/projects?fields=id,name&filter[name]=Demo%20Commercial' | jq -r '.data[0].id')
sg_sequence=$(sg_get "entity/sequences?fields=id&filter[project.Project.id]=$sg_project&page[size]=1" | jq -r '.data[0].id')
say "ShotGrid demo project $sg_project (sequence $sg_sequence for the stream)"
prepared=$(gw_post "api/shotgrid/projects/$sg_project/prepare")
ayon_project=$(jq -r '.ayonProjectName // empty' <<< "$prepared")
check "Prepare through the gateway (AYON project '$ayon_project')" test -n "$ayon_project"
t_ms=$(now_ms)
job_url=$(gw_post "api/shotgrid/projects/$sg_project/sync" '{"overrideDifferences":false}' | jq -r '.statusUrl // empty' | sed 's|^/||')
job_done() { [[ "$(gw_get "$job_url" | jq -r .state)" =~ ^(succeeded|failed)$ ]]; }
wait_for "the sync job" 120 job_done
job=$(gw_get "$job_url")
check "Sync through the gateway succeeded ($(jq -c '.counts' <<< "$job"))" test "$(jq -r .state <<< "$job")" = succeeded
figure "full sync of the demo project" "$(secs_since "$t_ms") s"

# --- the gateway's answers, counted from now until the end --------------------------------------------------------
# One call every 0.3 s, each on its own (a call held by the cluster does not delay the next). Each line of pings:
# start (ms), end (ms), status, duration (s); 000 = no answer within 60 s.
: > "$work/pings"
(
    while [ ! -e "$work/stop-pinger" ]; do
        (
            start=$(now_ms)
            answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -m 60 -H "x-api-key: $gateway_key" "$gw/api/shotgrid/projects/$sg_project")
            echo "$start $(now_ms) $answer" >> "$work/pings"
        ) &
        sleep 0.3
    done
    wait
) &
pinger_pid=$!

# --- the stream: shot creates, and a status change of an earlier shot after every second create ---------------------
: > "$work/created"
(
    for i in $(seq 0 $((stream_shots - 1))); do
        id=$(sg_write POST entity/shots "{\"code\":\"drill_$i\",\"project\":{\"type\":\"Project\",\"id\":$sg_project},\"sg_sequence\":{\"type\":\"Sequence\",\"id\":$sg_sequence}}" | jq -r '.data.id // empty')
        [ -n "$id" ] && echo "$id" >> "$work/created"
        if [ $((i % 2)) = 1 ]; then
            earlier=$(sed -n "$((i / 2 + 1))p" "$work/created")
            [ -n "$earlier" ] && sg_write PUT "entity/shots/$earlier" '{"sg_status_list":"ip"}' > /dev/null
        fi
    done
) &
stream_pid=$!
stream_ms=$(now_ms)

# Mid-stream: kill the silo that hosts the leecher (its log says so).
third() { [ "$(wc -l < "$work/created")" -ge $((stream_shots / 3)) ]; }
wait_for "a third of the stream" 120 third
# grep -c, not grep -q: -q stops reading at the first match, docker logs then dies of SIGPIPE and pipefail fails the test.
log_has() { local text=$1; shift; docker logs "$@" 2>&1 | grep -c -F -- "$text" > /dev/null; }
leecher_host() { victim=$(for c in $(silos); do log_has 'Leecher of ShotGrid site' "$c" && echo "$c"; done | tail -n 1); [ -n "$victim" ]; }
check "a silo hosts the leecher before the kill" wait_for "a silo to activate the leecher" 60 leecher_host
[ -n "$victim" ] || exit 1
kill_ms=$(now_ms)
kill_time=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
docker kill "$victim" > /dev/null
say "docker kill $victim at $kill_time, $(wc -l < "$work/created") of $stream_shots shots created"
leecher_back() { for c in $(silos); do [ "$c" != "$victim" ] && log_has 'Leecher of ShotGrid site' --since "$kill_time" "$c" && return 0; done; return 1; }
if wait_for "the leecher on a surviving silo" 90 leecher_back; then
    leecher_s=$(secs_since "$kill_ms")
    figure "docker kill → leecher re-activated on a surviving silo" "$leecher_s s"
    check "the killed silo's leecher re-activated elsewhere within 15 s ($leecher_s s)" awk -v s="$leecher_s" 'BEGIN { exit !(s <= 15) }'
else
    fail "the killed silo's leecher re-activated elsewhere"
fi
wait "$stream_pid"
stream_pid=
figure "stream" "$(wc -l < "$work/created") shots + $((stream_shots / 2)) status changes in $(secs_since "$stream_ms") s"
check "the stream created all $stream_shots shots" test "$(wc -l < "$work/created")" -eq "$stream_shots"

# The cursor at the newest event.
newest=$(sg_get 'entity/event_log_entries?fields=id&sort=-id&page[size]=1' | jq -r '.data[0].id')
cursor_done() { gw_get "api/shotgrid/projects/$sg_project" | jq -e --argjson n "$newest" '.events.watermark >= $n and .events.backlog == 0' > /dev/null; }
if wait_for "the cursor at event $newest" 120 cursor_done; then
    pass "the project's cursor at the newest ShotGrid event ($newest, backlog 0)"
    figure "the project's cursor" "$(gw_get "api/shotgrid/projects/$sg_project" | jq -r '.events | "watermark \(.watermark), applied \(.applied), ignored \(.ignored), failed \(.failed), given up \(.givenUp)"')"
    figure "docker kill → cursor at the newest event" "$(secs_since "$kill_ms") s"
else
    fail "the project's cursor at the newest ShotGrid event ($newest): $(gw_get "api/shotgrid/projects/$sg_project" | jq -c .events)"
fi

# Every ShotGrid entity of the project in AYON exactly once (folders and tasks carry shotgridType + shotgridId; the
# asset-category folders the sync adds carry type AssetCategory and are not ShotGrid entities).
: > "$work/expected"
for slug in episodes:Episode sequences:Sequence shots:Shot assets:Asset tasks:Task; do
    page=1
    while :; do
        rows=$(sg_get "entity/${slug%%:*}?fields=id&filter[project.Project.id]=$sg_project&page[size]=500&page[number]=$page" | jq -r '.data[].id')
        [ -z "$rows" ] && break
        sed "s/^/${slug#*:} /" <<< "$rows" >> "$work/expected"
        page=$((page + 1))
    done
done
ayon_get() { curl -s -g -m 30 -H "x-api-key: $ayon_key" "$ayon/$1"; }
{
    ayon_get "api/projects/$ayon_project/folders?attrib=true" | jq -r '.folders[] | select(.attrib.shotgridId != null and .attrib.shotgridType != "AssetCategory") | "\(.attrib.shotgridType) \(.attrib.shotgridId)"'
    curl -s -m 30 -H "x-api-key: $ayon_key" -H 'content-type: application/json' "$ayon/graphql" \
        -d "{\"query\":\"{ project(name: \\\"$ayon_project\\\") { tasks(first: 100000) { edges { node { attrib { shotgridType shotgridId } } } } } }\"}" \
        | jq -r '.data.project.tasks.edges[].node.attrib | select(.shotgridId != null) | "\(.shotgridType) \(.shotgridId)"'
} > "$work/in-ayon"
missing=$(sort -u "$work/expected" | comm -23 - <(sort -u "$work/in-ayon") | wc -l)
duplicated=$(sort "$work/in-ayon" | uniq -d | wc -l)
figure "ShotGrid entities of the project / in AYON" "$(wc -l < "$work/expected") / $(wc -l < "$work/in-ayon")"
check "every ShotGrid entity in AYON ($missing missing)" test "$missing" -eq 0 -a "$(wc -l < "$work/expected")" -gt "$stream_shots"
check "no ShotGrid entity in AYON twice ($duplicated duplicated)" test "$duplicated" -eq 0

# The gateway throughout: every call answered, and how many answered with an error (during the kill).
touch "$work/stop-pinger"
wait "$pinger_pid"
pinger_pid=
calls=$(wc -l < "$work/pings")
# Calls that met the kill: in flight at it or sent in the 15 s after it (until the cluster has voted the silo dead).
met_kill() { awk -v k="$kill_ms" '$2 >= k && $1 <= k + 15000' "$work/pings"; }
during=$(met_kill | wc -l)
during_failed=$(met_kill | awk '$3 != "200"' | wc -l)
outside_failed=$(awk -v k="$kill_ms" '$3 != "200" && !($2 >= k && $1 <= k + 15000)' "$work/pings" | wc -l)
slowest=$(awk '$4 > m { m = $4 } END { printf "%.1f", m }' "$work/pings")
figure "gateway calls (GET project, one every 0.3 s) during stream and kill" "$calls, $((during_failed + outside_failed)) failed ($(awk '$3 != "200" { print $3 }' "$work/pings" | sort | uniq -c | xargs)); slowest $slowest s"
figure "gateway calls that met the kill (in flight or sent ≤ 15 s after)" "$during, $during_failed failed or held past 60 s (000)"
check "the gateway answered every call outside the kill's 15 s without error ($((calls - during)) calls, $outside_failed failed)" test "$outside_failed" -eq 0 -a "$calls" -gt "$during"
# Reads are retried past a dead silo (src/Gateway/Hosting/ClusterReads.cs): the calls that met the kill answer too, later.
check "the gateway answered every read that met the kill, retried past the dead silo ($during calls, $during_failed failed)" test "$during_failed" -eq 0

# --- graceful stop, scale down, down -v ---------------------------------------------------------------------------
survivor=$(silos | grep -v -x "$victim" | head -n 1)
t_ms=$(now_ms)
docker stop -t 30 "$survivor" > /dev/null
stop_s=$(secs_since "$t_ms")
exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$survivor")
figure "docker stop of a silo (SIGTERM → exit)" "$stop_s s, exit code $exit_code"
check "docker stop stops a silo gracefully within stop_grace_period (exit $exit_code in $stop_s s)" \
    awk -v s="$stop_s" -v c="$exit_code" 'BEGIN { exit !(s < 30 && c == 0) }'
check "the stopped silo left the cluster in order (its log)" bash -c "docker logs '$survivor' 2>&1 | tail -n 40 | grep -q -i -E 'stopp|shut'"
compose up -d --scale silo=1 --no-recreate > "$work/scale-down.log" 2>&1
running_silos() { [ "$(silos | wc -l)" = 1 ]; }
check "up --scale silo=1 leaves one silo" wait_for "one silo" 60 running_silos
one_answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' -m 10 -H "x-api-key: $gateway_key" "$gw/api/shotgrid/projects/$sg_project")" = 200 ]; }
check "the gateway answers with one silo" wait_for "the gateway over one silo" 90 one_answers
compose logs --no-color > "$work/compose.log" 2>&1
compose down -v --remove-orphans > "$work/down.log" 2>&1
stack_up=0
left=$(docker ps -a -q --filter "label=com.docker.compose.project=$project" | wc -l)
volumes=$(docker volume ls -q --filter "label=com.docker.compose.project=$project" | wc -l)
check "down -v removes containers and volumes ($left containers, $volumes volumes left)" test "$left" -eq 0 -a "$volumes" -eq 0
