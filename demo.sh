#!/usr/bin/env bash
# One command, fresh clone, Java 17 + Maven only: builds the WAR, fetches Payara Micro from Maven Central,
# starts the demo backend and the relay (demo ON) on http://localhost:8080/, and stops both on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"

PORT="${DEMO_PORT:-8080}"
BACKEND_PORT="${DEMO_BACKEND_PORT:-8000}"
TOKEN="${DEMO_TOKEN:-demo-token-not-a-secret}"
RUN_DIR=target/demo-run
backend_pid=""
relay_pid=""

say() { printf '[demo] %s\n' "$*"; }

# Succeeds when something accepts TCP connections on 127.0.0.1:$1 (bash only: no curl needed).
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The status code of GET $2 on 127.0.0.1:$1, or nothing.
http_status() {
    local line
    exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
    IFS=' ' read -r _ line _ <&3 || true
    exec 3>&-
    printf '%s' "$line"
}

stop() {
    # Runs once: a second Ctrl-C or a closing terminal must not cut the cleanup short.
    trap '' INT TERM HUP
    trap - EXIT
    local pid
    for pid in $relay_pid $backend_pid; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in $relay_pid $backend_pid; do
        # Payara needs a few seconds to shut down cleanly; after 20 s it is killed.
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ -n "$relay_pid$backend_pid" ]; then say "stopped the relay and the demo backend"; fi
    return 0
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop; exit 129' HUP
trap stop EXIT

for port in "$PORT" "$BACKEND_PORT"; do
    if listening "$port"; then
        say "port $port is already in use on 127.0.0.1: stop what runs there, or set DEMO_PORT / DEMO_BACKEND_PORT"
        exit 1
    fi
done

# A fresh Payara root each time: one left from a previous run would boot its old deployment first.
rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR/tmp"
say "building the WAR and fetching Payara Micro (first run downloads from Maven Central; log: $RUN_DIR/build.log) ..."
if ! mvn -B -DskipTests package dependency:copy@copy-payara-micro >"$RUN_DIR/build.log" 2>&1; then
    tail -n 40 "$RUN_DIR/build.log"
    say "the build failed; full log: $RUN_DIR/build.log"
    exit 1
fi
# One pre-boot file, as the test suite boots it: loopback only and no data grid, then the shipped listener settings.
cat src/test/resources/payara/loopback-preboot.asadmin deploy/payara-micro/pre-boot.asadmin >"$RUN_DIR/pre-boot.asadmin"

say "starting the demo backend on http://127.0.0.1:$BACKEND_PORT (log: $RUN_DIR/backend.log)"
java -cp target/test-classes dev.cookierelay.demo.DemoBackend "$BACKEND_PORT" "$TOKEN" >"$RUN_DIR/backend.log" 2>&1 &
backend_pid=$!

say "starting cookie-relay on Payara Micro (log: $RUN_DIR/payara.log) ..."
BACKEND_URL="http://127.0.0.1:$BACKEND_PORT" RELAY_DEMO_ENABLED=true RELAY_DEMO_TOKEN="$TOKEN" \
    java -Xmx512m -Djava.io.tmpdir="$RUN_DIR/tmp" -jar target/payara-micro.jar \
    --deploy target/cookie-relay.war --contextroot / --port "$PORT" --nocluster \
    --prebootcommandfile "$RUN_DIR/pre-boot.asadmin" \
    --rootdir "$RUN_DIR/payara" >"$RUN_DIR/payara.log" 2>&1 &
relay_pid=$!

for _ in $(seq 1 240); do
    for pid in $backend_pid $relay_pid; do
        if ! kill -0 "$pid" 2>/dev/null; then
            say "a process ended early; last lines of its log:"
            tail -n 30 "$RUN_DIR/backend.log" "$RUN_DIR/payara.log" || true
            exit 1
        fi
    done
    [ "$(http_status "$PORT" /demo/ 2>/dev/null || true)" = 200 ] && break
    sleep 0.5
done
if [ "$(http_status "$PORT" /demo/ 2>/dev/null || true)" != 200 ]; then
    say "the relay did not answer on port $PORT within 120 s; see $RUN_DIR/payara.log"
    exit 1
fi

say ""
say "cookie-relay demo is running:  http://localhost:$PORT/demo/"
say "  relay: /api/proxy/** -> http://127.0.0.1:$BACKEND_PORT (demo backend, bearer token required)"
say "Press Ctrl-C to stop both."
wait "$relay_pid" || true
say "the relay exited; see $RUN_DIR/payara.log"
