#!/usr/bin/env bash
# Prints the Debian archive this machine's apt already uses (the first "debian" URI of its sources), so the docker
# scripts fetch from the same mirror as apt-get does; DEBIAN_MIRROR overrides it.
set -euo pipefail
if [ -n "${DEBIAN_MIRROR:-}" ]; then
    echo "$DEBIAN_MIRROR"
    exit 0
fi
uri=$(
    {
        # deb822 sources (Debian 12+): "URIs: http://…/debian"
        grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{ for (i = 2; i <= NF; i++) print $i }'
        # one-line sources: "deb [opts] http://…/debian suite components"
        grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
            sed -E 's/^deb +(\[[^]]*\] +)?//' | awk '{ print $1 }'
    } | grep -E '/debian/?$' | head -n 1 || true
)
if [ -z "$uri" ]; then
    echo "debian-mirror: no Debian archive found in /etc/apt sources; set DEBIAN_MIRROR" >&2
    exit 1
fi
echo "${uri%/}"
