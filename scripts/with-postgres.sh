#!/usr/bin/env bash
# Runs a command with ORLEANS_TEST_PG pointing at a PostgreSQL database.
#
#   scripts/with-postgres.sh dotnet test tests/AyonShotgrid.Persistence.Tests
#
# If ORLEANS_TEST_PG is already set, the command simply runs against that database.
# Otherwise a throwaway server is started: PostgreSQL is installed from the Debian packages
# when its binaries are missing, a fresh data directory is created with mktemp, the server
# listens on a free 127.0.0.1 port (its socket lives in the data directory, so it never
# clashes with a system cluster), and everything is stopped and deleted when the command ends.
# The command's exit code is returned.
set -euo pipefail

log() { printf 'with-postgres: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

if [ "$#" -eq 0 ]; then
    echo "usage: $0 <command> [args...]" >&2
    exit 2
fi

if [ -n "${ORLEANS_TEST_PG:-}" ]; then
    log "ORLEANS_TEST_PG is already set; using that database"
    exec "$@"
fi

now_ms() { date +%s%3N; }

# Prints the bin directory of the newest installed PostgreSQL server, if any.
find_pg_bin() {
    local dir
    # Debian layout: /usr/lib/postgresql/<major>/bin. sort -V puts the newest major last.
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/psql" ]; then
            echo "$dir"
            return 0
        fi
    done
    # Other layouts: binaries on PATH (e.g. a source build).
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null && command -v psql >/dev/null; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

install_postgres() {
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"
    command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is not available"
    log "installing PostgreSQL from the Debian packages"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

t0=$(now_ms)
if ! PG_BIN=$(find_pg_bin); then
    install_postgres
    PG_BIN=$(find_pg_bin) || die "PostgreSQL binaries not found after installing the postgresql package"
fi
t_installed=$(now_ms)

# initdb refuses to run as root, so as root the server runs as the 'postgres' account
# (created by the Debian package); as any other user it runs as that user.
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to own the server"
    as_pg() { (cd / && runuser -u postgres -- "$@"); }
else
    as_pg() { (cd / && "$@"); }
fi

TEMP_ROOT=${TMPDIR:-/tmp}
# The server account must be able to reach the data directory; a private TMPDIR (e.g. under /root) would not do.
if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$TEMP_ROOT"; then
    TEMP_ROOT=/tmp
fi
DATA_DIR=$(mktemp -d "$TEMP_ROOT/orleans-pg.XXXXXX")
SERVER_STARTED=0

cleanup() {
    local rc=$?
    if [ "$SERVER_STARTED" -eq 1 ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR/data" -m fast -w stop >/dev/null 2>&1 || log "warning: could not stop the server cleanly"
    fi
    rm -rf "$DATA_DIR"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$DATA_DIR"
fi

# Local (socket) connections trust the OS user; TCP connections need the password,
# so the tests exercise the same authentication path as a real deployment.
as_pg "$PG_BIN/initdb" -D "$DATA_DIR/data" -U postgres -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >"$DATA_DIR/initdb.log" 2>&1 \
    || { cat "$DATA_DIR/initdb.log" >&2; die "initdb failed"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Pick a free port; if another process grabs it between the check and the start, try the next one.
PORT=""
base=$(( 20000 + RANDOM % 20000 ))
for attempt in $(seq 0 19); do
    candidate=$(( base + attempt ))
    port_in_use "$candidate" && continue
    if as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR/data" -l "$DATA_DIR/data/server.log" -w -t 30 \
        -o "-p $candidate -k $DATA_DIR/data -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null 2>&1; then
        PORT=$candidate
        SERVER_STARTED=1
        break
    fi
done
[ -n "$PORT" ] || { cat "$DATA_DIR/data/server.log" >&2 || true; die "could not start PostgreSQL on a free port"; }

DB_NAME=orleans_test
DB_USER=orleans_test
DB_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')

as_pg "$PG_BIN/psql" -h "$DATA_DIR/data" -p "$PORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';" \
    -c "CREATE DATABASE $DB_NAME OWNER $DB_USER;" >/dev/null
t_ready=$(now_ms)

log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (database $DB_NAME, user $DB_USER);" \
    "install/check $(( t_installed - t0 )) ms, initdb+start+create $(( t_ready - t_installed )) ms"

export ORLEANS_TEST_PG="Host=127.0.0.1;Port=$PORT;Database=$DB_NAME;Username=$DB_USER;Password=$DB_PASSWORD"

set +e
"$@"
rc=$?
set -e
exit "$rc"
