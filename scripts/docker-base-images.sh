#!/usr/bin/env bash
# Makes the two base images the Dockerfiles and the compose file use on a machine that cannot pull from an image
# registry, from Debian's packages only (debootstrap), and imports them into the local Docker engine:
#   ayonsg-local/dotnet-runtime:10.0   Debian 12 minbase + the host's .NET runtime (ASP.NET Core), laid out like
#                                      mcr.microsoft.com/dotnet/aspnet:10.0 (/usr/share/dotnet, user "app" 1654, APP_UID)
#   ayonsg-local/postgres:15           Debian 12 minbase + Debian's postgresql, docker/local/postgres-entrypoint.sh
#                                      (stop it with SIGINT, a fast shutdown, as compose does: stop_signal)
# Each is one layer (docker import). An image that exists already is kept; FORCE=1 makes both again.
# Needs root (debootstrap, chroot) and a running engine (scripts/docker-engine.sh start).
set -euo pipefail
cd "$(dirname "$0")/.."

runtime_image=${LOCAL_RUNTIME_IMAGE:-ayonsg-local/dotnet-runtime:10.0}
postgres_image=${LOCAL_POSTGRES_IMAGE:-ayonsg-local/postgres:15}
mirror=$(scripts/debian-mirror.sh)
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")

have() { docker image inspect "$1" >/dev/null 2>&1; }
if [ "${FORCE:-0}" != 1 ] && have "$runtime_image" && have "$postgres_image"; then
    echo "base images present: $runtime_image, $postgres_image"
    exit 0
fi

work=$(mktemp -d -t ayonsg-rootfs.XXXXXX)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs

# The libraries the ASP.NET Core runtime loads (the aspnet image's list), and CA certificates for HTTPS to ShotGrid/AYON.
echo "debootstrap bookworm (minbase) into $rootfs"
debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata,zlib1g \
    bookworm "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }

# What an image does not need: documentation, manuals, locales other than C, apt's downloaded lists and packages.
slim() {
    rm -rf "$1"/usr/share/doc/* "$1"/usr/share/man/* "$1"/usr/share/info/* "$1"/var/cache/apt/*.bin \
        "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/* "$1"/var/log/*.log "$1"/tmp/*
    find "$1"/usr/share/locale -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} + 2>/dev/null || true
}

import() {
    local dir=$1 name=$2
    shift 2
    tar -C "$dir" -c . | docker import "$@" - "$name" >/dev/null
    echo "imported $name ($(docker image inspect --format '{{.Size}}' "$name" | numfmt --to=iec))"
}

# PostgreSQL first, in a copy of the root: the runtime image must not carry it, nor PostgreSQL the .NET runtime.
pgroot=$work/pgroot
cp -a "$rootfs" "$pgroot"
mkdir -p "$pgroot/etc/postgresql-common/createcluster.d" "$pgroot/usr/sbin"
echo 'create_main_cluster = false' > "$pgroot/etc/postgresql-common/createcluster.d/no-main-cluster.conf"
printf '#!/bin/sh\nexit 101\n' > "$pgroot/usr/sbin/policy-rc.d" && chmod +x "$pgroot/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$pgroot/etc/resolv.conf"
echo "installing postgresql in the PostgreSQL root"
chroot "$pgroot" apt-get update -qq
chroot "$pgroot" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql > "$work/pg.log" 2>&1 \
    || { tail -n 30 "$work/pg.log" >&2; exit 1; }
pg_bin=$(dirname "$(ls "$pgroot"/usr/lib/postgresql/*/bin/postgres)")
pg_bin=${pg_bin#"$pgroot"}
install -m 0755 docker/local/postgres-entrypoint.sh "$pgroot/usr/local/bin/postgres-entrypoint.sh"
install -d -o 0 -g 0 "$pgroot/var/lib/postgresql"
chroot "$pgroot" install -d -o postgres -g postgres -m 0700 /var/lib/postgresql/data
chroot "$pgroot" install -d -o postgres -g postgres -m 2775 /var/run/postgresql
rm -f "$pgroot/usr/sbin/policy-rc.d" "$pgroot/etc/resolv.conf"
slim "$pgroot"
import "$pgroot" "$postgres_image" \
    --change "ENV PATH=$pg_bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV PGDATA=/var/lib/postgresql/data" \
    --change "USER postgres" \
    --change "VOLUME /var/lib/postgresql/data" \
    --change "EXPOSE 5432" \
    --change 'ENTRYPOINT ["/usr/local/bin/postgres-entrypoint.sh"]'
rm -rf "$pgroot"

# The .NET runtime: the shared frameworks and host of the dotnet that builds the apps (so their versions match).
echo "copying the .NET runtime from $dotnet_root"
mkdir -p "$rootfs/usr/share/dotnet"
cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/shared" "$dotnet_root/LICENSE.txt" "$rootfs/usr/share/dotnet/"
ln -s /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
# The aspnet image's non-root user: uid/gid 1654 "app", exported as APP_UID for the Dockerfiles' USER line.
chroot "$rootfs" groupadd --gid 1654 app
chroot "$rootfs" useradd --uid 1654 --gid 1654 --home-dir /app --no-create-home --shell /usr/sbin/nologin app
slim "$rootfs"
import "$rootfs" "$runtime_image" \
    --change "ENV APP_UID=1654" \
    --change "ENV ASPNETCORE_HTTP_PORTS=8080" \
    --change "ENV DOTNET_RUNNING_IN_CONTAINER=true" \
    --change "ENV DOTNET_ROOT=/usr/share/dotnet"
