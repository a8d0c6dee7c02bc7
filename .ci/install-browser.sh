#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the browser test (DemoBrowserIT) when either is
# missing. Idempotent: does nothing (and needs no network) when both are already there.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "[install-browser] chromium and chromedriver present: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
    exit 0
fi
if ! command -v apt-get >/dev/null; then
    echo "[install-browser] chromium/chromedriver missing and apt-get not available: install them by hand" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "[install-browser] installing chromium and chromium-driver with apt-get ..."
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver
/usr/bin/chromium --version
/usr/bin/chromedriver --version
