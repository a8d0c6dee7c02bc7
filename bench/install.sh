#!/usr/bin/env bash
# Installs what bench/run.sh needs beyond Java 17, Maven, python3 and curl: nginx and wrk, from
# Debian's packages, only when missing (apt-get update unless the lists are under an hour old, then
# install). Safe to run again.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 && command -v wrk >/dev/null 2>&1; then
  exit 0
fi
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
echo "bench/install.sh: installing nginx and wrk from Debian's packages" >&2
# One apt-get update per machine run: .ci/run installs the browser first, which has just updated the lists
# (an update that fetches a list renames it into this directory, so the directory's mtime tells when).
if [ -z "$(find /var/lib/apt/lists -maxdepth 0 -mmin -60 2>/dev/null)" ]; then
  $SUDO apt-get update -qq
fi
# nginx-light is enough (proxy, map, limit_req); fall back to nginx where it is not packaged.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx-light wrk >/dev/null \
  || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx wrk >/dev/null
