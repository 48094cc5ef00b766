#!/usr/bin/env bash
# Makes a Docker engine and compose v2 available on this machine, for scripts/compose-drill.sh and CI.
#   scripts/docker-engine.sh install   Debian's docker.io, debootstrap, jq; compose v2 (Debian's docker-compose 2.x)
#   scripts/docker-engine.sh start     install, then start dockerd in the background unless one answers already
#   scripts/docker-engine.sh stop      stop the dockerd this script started (its pid file), nothing else
# The daemon runs without the system's init and without iptables (containers reach only each other and the host's
# published ports): dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs.
# DOCKER_DATA_ROOT (default /var/lib/ayonsg-docker) is kept between runs, so the base images are made once per machine.
set -euo pipefail

data_root=${DOCKER_DATA_ROOT:-/var/lib/ayonsg-docker}
state_dir=${DOCKER_ENGINE_STATE:-/run/ayonsg-docker}
pid_file=$state_dir/dockerd.pid
log_file=$state_dir/dockerd.log
plugin_dir=/usr/local/lib/docker/cli-plugins

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
    local missing=()
    command -v dockerd >/dev/null || missing+=(docker.io)
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    command -v jq >/dev/null || missing+=(jq)
    command -v curl >/dev/null || missing+=(curl)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "docker-engine: installing ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# Compose v2 is what users run (`docker compose`); Debian 12 ships only compose 1.29, which rejects the file's top-level
# `name:`. Debian 13's docker-compose package is compose v2 (one static Go binary, needs only libc6), so take its
# binary from Debian's archive as a CLI plugin, without adding Debian 13 to this machine's apt sources.
install_compose_v2() {
    if docker compose version >/dev/null 2>&1; then
        return
    fi
    echo "docker-engine: installing compose v2 (Debian 13's docker-compose) as a docker CLI plugin"
    local tmp mirror
    mirror=$("$(dirname "${BASH_SOURCE[0]}")"/debian-mirror.sh)
    tmp=$(mktemp -d -t ayonsg-compose.XXXXXX)
    chmod 755 "$tmp"
    mkdir -p "$tmp/lists/partial" "$tmp/archives/partial"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" > "$tmp/sources.list"
    local opts=(-o "Dir::Etc::sourcelist=$tmp/sources.list" -o "Dir::Etc::sourceparts=-" -o "Dir::State::Lists=$tmp/lists"
        -o "Dir::Cache::archives=$tmp/archives" -o "APT::Get::List-Cleanup=0" -o "APT::Sandbox::User=root")
    apt-get "${opts[@]}" update -qq
    (cd "$tmp" && apt-get "${opts[@]}" download -qq docker-compose)
    dpkg-deb -x "$tmp"/docker-compose_*.deb "$tmp/pkg"
    as_root install -D -m 0755 "$tmp/pkg/usr/libexec/docker/cli-plugins/docker-compose" "$plugin_dir/docker-compose"
    rm -rf "$tmp"
    docker compose version
}

start() {
    install_packages
    install_compose_v2
    if docker info >/dev/null 2>&1; then
        echo "docker-engine: a Docker daemon answers already; using it"
        return
    fi
    as_root mkdir -p "$data_root" "$state_dir"
    echo "docker-engine: starting dockerd (data root $data_root, log $log_file)"
    as_root bash -c "nohup dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs \
        --data-root '$data_root' --pidfile '$pid_file' >'$log_file' 2>&1 &"
    local deadline=$((SECONDS + 60))
    until docker info >/dev/null 2>&1; do
        if [ $SECONDS -ge $deadline ]; then
            echo "docker-engine: dockerd did not answer within 60 s; its log:" >&2
            tail -n 30 "$log_file" >&2 || true
            return 1
        fi
        sleep 0.5
    done
    echo "docker-engine: dockerd answers ($(docker version --format '{{.Server.Version}}'))"
}

stop() {
    [ -f "$pid_file" ] || { echo "docker-engine: no dockerd started by this script"; return 0; }
    local pid
    pid=$(cat "$pid_file")
    echo "docker-engine: stopping dockerd $pid"
    as_root kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    as_root rm -f "$pid_file"
}

case "${1:-start}" in
    install) install_packages; install_compose_v2 ;;
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
