#!/usr/bin/env bash
# Tools the browser tests need, from the Debian packages, installed only when missing (CI starts from a bare machine).
set -euo pipefail
if [ -n "${AYONSG_SKIP_BROWSER_TOOLS:-}" ] || command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-test-tools: chromium is missing and cannot be installed here (needs root and apt-get)" >&2
    exit 1
fi
echo "ensure-test-tools: installing chromium from the Debian packages" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
