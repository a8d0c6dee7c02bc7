#!/usr/bin/env bash
# Usage: bench/run.sh [--smoke|--profile|--serve|--candidates]
# Benchmarks cookie-relay on Payara Micro against the direct backend and nginx as the same
# cookie->Bearer relay, on 127.0.0.1 only. See bench/README.md for what it measures and the latest table.
#   (default)  full run: 3 interleaved repetitions of 10 s per wrk workload, SSE N=100/1000/2000 (BENCH_SSE_COUNTS),
#              1 GiB up/down, boot time; writes bench/results/<date>.json and the README table.
#   --smoke    a few seconds of each workload (SSE N=20, 64 MiB bodies, one boot each); exits non-zero
#              when any workload errors (non-2xx, socket errors, missing events, relay not up). CI runs it.
#   --profile  relay with JFR: 20 s GET small (32 conns) and 20 s GET 1 MiB, top frames of each.
#   --candidates  backend-client candidates (issue 14): the wrk workloads against bare-servlet floors with the JDK
#              client (tuned and as ops find it), Jetty's HttpClient 12 and Apache HttpClient 5 async, the latter
#              three on a Payara Micro started with no JVM option, and the Java peers a Jakarta EE team would
#              deploy instead of the relay (mitre's HTTP-Proxy-Servlet, Jetty's ee10 ProxyServlet; bench/peers/),
#              each in its own WAR on the same Payara Micro, no JVM option; writes candidates.md into the run's folder.
#   --serve    only starts everything and prints the ports, for poking at by hand; stops after
#              BENCH_SERVE_SECONDS (default 300) or Ctrl-C.
# env: BENCH_DURATION (seconds per full-run wrk workload, default 10), BENCH_SKIP_BUILD=1 (use target/cookie-relay.war as is), BENCH_RELAY_JAVA_OPTS (extra JVM options
#      for the relay), BENCH_PREBOOT_EXTRA (asadmin file appended to the loopback pre-boot commands).
# Needs java 17, mvn, python3, curl; installs nginx and wrk from Debian's packages when missing.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
MODE=full
for arg in "$@"; do
  case "$arg" in
    --smoke) MODE=smoke ;;
    --profile) MODE=profile ;;
    --serve) MODE=serve ;;
    --candidates) MODE=candidates ;;
    *) echo "usage: $0 [--smoke|--profile|--serve|--candidates]" >&2; exit 2 ;;
  esac
done

if [ "$MODE" = smoke ]; then
  DURATION=2; REPS=1; WARMUP=3; SSE_COUNTS="20"; SSE_SECONDS=3; BIG_MB=64; BOOTS=1
elif [ "$MODE" = candidates ]; then
  DURATION="${BENCH_DURATION:-6}"; REPS=2; WARMUP=10; SSE_COUNTS=""; SSE_SECONDS=0; BIG_MB=0; BOOTS=0
else
  # BENCH_SSE_COUNTS="... 9000" for the largest row this machine allows: the relay holds two sockets per
  # stream and the hard open-file limit here is 20,000 per process. At -Xmx256m 9,000 streams ran the
  # relay's heap out (2026-12-07), so it is not in the default run, which must finish to report.
  DURATION="${BENCH_DURATION:-10}"; REPS=3; WARMUP=20; SSE_COUNTS="${BENCH_SSE_COUNTS:-100 1000 2000}"; SSE_SECONDS=10; BIG_MB=1024; BOOTS=3
fi
PAYARA_VERSION=6.2025.10
TOKEN_LENGTH=800
STAMP="$(date -u +%Y-%m-%dT%H-%M-%SZ)"
WORK="$BENCH/work/$STAMP-$MODE"
mkdir -p "$WORK/wrk" "$WORK/sse" "$WORK/big" "$WORK/boot" "$WORK/logs"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# ---------------------------------------------------------------- processes, stopped by PID
PIDS=()
stop_pid() {
  local pid="$1"
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
stop_all() {
  local i
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do stop_pid "${PIDS[$i]}"; done
  PIDS=()
}
trap stop_all EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# ---------------------------------------------------------------- tools
ensure_tools() {
  for tool in java javac mvn python3 curl; do
    command -v "$tool" >/dev/null || die "$tool is required"
  done
  bash "$BENCH/install.sh"
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  [ "$(ulimit -n)" -ge 8192 ] || die "open-file limit $(ulimit -n) is too low for 2,000 streams"
}

build() {
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "building the WAR (mvn package -DskipTests)"
    (cd "$ROOT" && mvn -B -q package -DskipTests) > "$WORK/logs/mvn-package.log" 2>&1 \
      || { tail -30 "$WORK/logs/mvn-package.log" >&2; die "mvn package"; }
  fi
  [ -f "$ROOT/target/cookie-relay.war" ] || die "no target/cookie-relay.war"
  PAYARA_JAR="$BENCH/work/payara-micro-$PAYARA_VERSION.jar"
  if [ ! -f "$PAYARA_JAR" ]; then
    log "fetching Payara Micro $PAYARA_VERSION via Maven"
    (cd "$ROOT" && mvn -B -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" \
        -DoutputDirectory="$BENCH/work") > "$WORK/logs/mvn-payara.log" 2>&1 \
      || { tail -30 "$WORK/logs/mvn-payara.log" >&2; die "fetching Payara Micro"; }
  fi
  log "compiling the SSE backend and client"
  mkdir -p "$WORK/classes"
  javac -d "$WORK/classes" "$BENCH/java/StreamBackend.java" "$BENCH/java/SseClient.java"
  log "building the comparison WARs"
  (cd "$ROOT" && mvn -B -q dependency:build-classpath -Dmdep.includeArtifactIds=jakarta.jakartaee-api \
      -Dmdep.outputFile="$WORK/jakarta-api.classpath") > "$WORK/logs/mvn-classpath.log" 2>&1 \
    || { tail -30 "$WORK/logs/mvn-classpath.log" >&2; die "resolving the Jakarta EE API"; }
  # floor/FloorRelay.java: the JDK client behind a bare servlet, on the same server.
  small_war floor "$BENCH/floor/FloorRelay.java"
  # The boot-time floor (floor/OneBean.java): one CDI bean, the relay's own beans.xml.
  small_war cdi "$BENCH/floor/OneBean.java" "$ROOT/src/main/resources/META-INF/beans.xml"
  # The trivial WAR the relay's boot time is compared with: one static page at the same context root.
  mkdir -p "$WORK/empty-war"
  echo ok > "$WORK/empty-war/index.html"
  small_war empty ""
  if [ "$MODE" = candidates ]; then
    candidate_war jetty JettyFloor.java
    candidate_war apache ApacheFloor.java
    peer_war mitre MitreBearerProxy.java
    peer_war jetty-proxy JettyBearerProxy.java
  fi
}

# candidate_war NAME SOURCE [FOLDER]: $WORK/NAME.war, FOLDER/SOURCE (FOLDER: candidates unless given) with the
# dependencies of FOLDER/pom.xml's profile NAME in WEB-INF/lib, and candidates/Cookies.java for the token.
candidate_war() {
  local name="$1" source="$2" folder="${3:-candidates}" dir="$WORK/$1-war"
  mkdir -p "$dir/WEB-INF/classes" "$dir/WEB-INF/lib"
  (cd "$BENCH/$folder" && mvn -B -q -P"$name" dependency:copy-dependencies -DoutputDirectory="$dir/WEB-INF/lib") \
    > "$WORK/logs/mvn-$name.log" 2>&1 || { tail -30 "$WORK/logs/mvn-$name.log" >&2; die "fetching the $name client"; }
  javac -cp "$(cat "$WORK/jakarta-api.classpath"):$(find "$dir/WEB-INF/lib" -name '*.jar' | tr '\n' ':')" \
    -d "$dir/WEB-INF/classes" "$BENCH/$folder/$source" "$BENCH/candidates/Cookies.java"
  cp "$ROOT/src/main/webapp/WEB-INF/payara-web.xml" "$dir/WEB-INF/"
  (cd "$dir" && jar cf "$WORK/$name.war" .)
}

# peer_war NAME SOURCE: $WORK/NAME.war, a Java peer proxy from bench/peers/ (profile NAME of its pom.xml): the
# library a team would deploy instead of the relay, its subclass adding the Bearer header, at context root "/".
peer_war() { candidate_war "$1" "$2" peers; }

# small_war NAME SOURCE [WEB-INF FILES...]: $WORK/NAME.war from $WORK/NAME-war plus the compiled SOURCE (none
# when empty), at the relay's own context root (its payara-web.xml).
small_war() {
  local name="$1" source="$2"; shift 2
  local dir="$WORK/$name-war"
  mkdir -p "$dir/WEB-INF/classes"
  if [ -n "$source" ]; then
    javac -cp "$(cat "$WORK/jakarta-api.classpath")" -d "$dir/WEB-INF/classes" "$source"
  fi
  cp "$ROOT/src/main/webapp/WEB-INF/payara-web.xml" "$@" "$dir/WEB-INF/"
  (cd "$dir" && jar cf "$WORK/$name.war" .)
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# wait_http NAME URL SECONDS [curl args...]: bounded poll for a 2xx.
wait_http() {
  local name="$1" url="$2" seconds="$3"; shift 3
  local deadline=$(( $(date +%s) + seconds ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if curl -fsS -o /dev/null --max-time 2 "$@" "$url" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "$name not up after ${seconds}s ($url)"
}

TOKEN="$(python3 -c "print(('eyJhbGciOiJSUzI1NiJ9.'*40)[:$TOKEN_LENGTH])")"
COOKIE="theme=dark; auth_token=$TOKEN; lang=en"

# ---------------------------------------------------------------- servers
preboot_file() {
  local file="$WORK/preboot.asadmin"
  cat "$ROOT/src/test/resources/payara/loopback-preboot.asadmin" > "$file"
  if [ -n "${BENCH_PREBOOT_EXTRA:-}" ]; then cat "$BENCH_PREBOOT_EXTRA" >> "$file"; fi
  echo "$file"
}

# The relay's documented production settings (deploy/payara-micro/TUNING.md): only a heap. Its backend
# client (HttpCore 5) reads no JVM-wide option; the heap is what bounds RSS.
RELAY_JVM_SETTINGS=(-Xmx256m)
# The JDK-client floor keeps the settings it was tuned with in issue 7: on 2 cores the common pool has one
# thread, so CompletableFuture (which HttpClient.sendAsync uses) starts a thread per task; a parallelism of
# 2 makes it a pool, and a 64 KiB client read buffer quarters the reads and flushes per body.
FLOOR_JVM_SETTINGS=(-Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Djdk.httpclient.bufsize=65536)

# start_payara WAR PORT LOGNAME [extra JVM options...]: sets PAYARA_PID (and PID_OF[LOGNAME], for RSS samples).
declare -A PID_OF=()
start_payara() {
  local war="$1" port="$2" name="$3"; shift 3
  # shellcheck disable=SC2086
  env BACKEND_URL="http://127.0.0.1:$BACKEND_PORT" \
      RELAY_ROUTES=stream RELAY_ROUTE_STREAM_URL="http://127.0.0.1:$STREAM_PORT" \
      RELAY_MAX_REQUEST_BYTES=4294967296 RATE_LIMIT_ENABLED=false \
    java "$@" ${BENCH_RELAY_JAVA_OPTS:-} -jar "$PAYARA_JAR" --deploy "$war" --port "$port" \
      --prebootcommandfile "$(preboot_file)" --nocluster --rootdir "$WORK/payara-$name" \
      > "$WORK/logs/$name.log" 2>&1 &
  PAYARA_PID=$!
  PIDS+=("$PAYARA_PID")
  PID_OF[$name]=$PAYARA_PID
}

start_servers() {
  BACKEND_PORT="$(free_port)"; STREAM_PORT="$(free_port)"; NGINX_PORT="$(free_port)"
  NGINX_STREAM_PORT="$(free_port)"; RELAY_PORT="$(free_port)"; FLOOR_PORT="$(free_port)"
  log "backend :$BACKEND_PORT, stream backend :$STREAM_PORT, nginx relay :$NGINX_PORT/:$NGINX_STREAM_PORT, relay :$RELAY_PORT"
  "$BENCH/lib/backend.sh" "$BACKEND_PORT" > "$WORK/logs/backend.log" 2>&1 &
  PIDS+=("$!")
  java -cp "$WORK/classes" StreamBackend "$STREAM_PORT" > "$WORK/logs/stream-backend.log" 2>&1 &
  PIDS+=("$!")
  "$BENCH/lib/nginx-relay.sh" "$NGINX_PORT" "http://127.0.0.1:$BACKEND_PORT" > "$WORK/logs/nginx-relay.log" 2>&1 &
  PIDS+=("$!")
  "$BENCH/lib/nginx-relay.sh" "$NGINX_STREAM_PORT" "http://127.0.0.1:$STREAM_PORT" > "$WORK/logs/nginx-stream-relay.log" 2>&1 &
  PIDS+=("$!")
  local jvm=(-Xlog:gc:file="$WORK/logs/relay-gc.log":time "${RELAY_JVM_SETTINGS[@]}")
  start_payara "$ROOT/target/cookie-relay.war" "$RELAY_PORT" relay "${jvm[@]}"
  RELAY_PID=$PAYARA_PID
  start_payara "$WORK/floor.war" "$FLOOR_PORT" floor "${FLOOR_JVM_SETTINGS[@]}"
  FLOOR_PID=$PAYARA_PID
  wait_http backend "http://127.0.0.1:$BACKEND_PORT/small" 10 -H "Authorization: Bearer x"
  wait_http "nginx relay" "http://127.0.0.1:$NGINX_PORT/api/proxy/small" 10 -H "Cookie: $COOKIE"
  wait_http "relay" "http://127.0.0.1:$RELAY_PORT/api/proxy/small" 120 -H "Cookie: $COOKIE"
  wait_http "floor" "http://127.0.0.1:$FLOOR_PORT/api/proxy/small" 120 -H "Cookie: $COOKIE"
  if [ "$MODE" = candidates ]; then
    # As ops find a server: no JVM option at all (no common-pool parallelism, no client buffer size).
    FLOOR_PLAIN_PORT="$(free_port)"; JETTY_PORT="$(free_port)"; APACHE_PORT="$(free_port)"; RELAY_PLAIN_PORT="$(free_port)"
    MITRE_PORT="$(free_port)"; JETTY_PROXY_PORT="$(free_port)"
    start_payara "$WORK/floor.war" "$FLOOR_PLAIN_PORT" floor-plain
    start_payara "$WORK/jetty.war" "$JETTY_PORT" jetty
    start_payara "$WORK/apache.war" "$APACHE_PORT" apache
    start_payara "$ROOT/target/cookie-relay.war" "$RELAY_PLAIN_PORT" relay-plain
    # The Java peers, as a team would deploy them: no JVM option either.
    start_payara "$WORK/mitre.war" "$MITRE_PORT" mitre
    start_payara "$WORK/jetty-proxy.war" "$JETTY_PROXY_PORT" jetty-proxy
    local candidate peer peer_echo
    for candidate in floor-plain jetty apache relay-plain mitre jetty-proxy; do
      wait_http "$candidate" "$(url_of "$candidate" small)" 120 -H "Cookie: $COOKIE"
    done
    # A peer whose hook missed would still answer (the backend's /small wants only some Authorization), so
    # check the token itself, as for the relay below.
    for peer in mitre jetty-proxy; do
      peer_echo="$(curl -fsS -H "Cookie: $COOKIE" "$(url_of "$peer" echo-auth)")" || die "$peer: no answer from /api/proxy/echo-auth"
      [[ "$peer_echo" == *"\"authorization\":\"Bearer $TOKEN\""* ]] || die "$peer did not forward the Bearer token: ${peer_echo:0:120}"
    done
  fi
  # The relay must add exactly the Bearer token the cookie carried.
  local echoed
  echoed="$(curl -fsS -H "Cookie: $COOKIE" "http://127.0.0.1:$RELAY_PORT/api/proxy/echo-auth")"
  [[ "$echoed" == *"\"authorization\":\"Bearer $TOKEN\""* ]] || die "relay did not forward the Bearer token: ${echoed:0:120}"
  log "relay up (pid $RELAY_PID, $(threads_of "$RELAY_PID") threads)"
}

threads_of() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }

# ---------------------------------------------------------------- wrk workloads
url_of() { # TARGET PATH
  case "$1" in
    direct) echo "http://127.0.0.1:$BACKEND_PORT/$2" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT/api/proxy/$2" ;;
    relay) echo "http://127.0.0.1:$RELAY_PORT/api/proxy/$2" ;;
    floor) echo "http://127.0.0.1:$FLOOR_PORT/api/proxy/$2" ;;
    container) echo "http://127.0.0.1:$FLOOR_PORT/container/$2" ;;
    floor-plain) echo "http://127.0.0.1:$FLOOR_PLAIN_PORT/api/proxy/$2" ;;
    jetty) echo "http://127.0.0.1:$JETTY_PORT/api/proxy/$2" ;;
    apache) echo "http://127.0.0.1:$APACHE_PORT/api/proxy/$2" ;;
    relay-plain) echo "http://127.0.0.1:$RELAY_PLAIN_PORT/api/proxy/$2" ;;
    mitre) echo "http://127.0.0.1:$MITRE_PORT/api/proxy/$2" ;;
    jetty-proxy) echo "http://127.0.0.1:$JETTY_PROXY_PORT/api/proxy/$2" ;;
  esac
}

# run_wrk WORKLOAD TARGET REP SECONDS
run_wrk() {
  local workload="$1" target="$2" rep="$3" seconds="$4" threads conns path script
  case "$workload" in
    get-small-32) threads=2; conns=32; path=small; script=get.lua ;;
    get-small-1) threads=1; conns=1; path=small; script=get.lua ;;
    get-1mb-8) threads=2; conns=8; path=1mb; script=get.lua ;;
    post-16k-32) threads=2; conns=32; path=small; script=post16k.lua ;;
  esac
  local auth=cookie; [ "$target" = direct ] && auth=bearer
  local out="$WORK/wrk/$workload.$target.$rep.txt"
  BENCH_AUTH="$auth" timeout $(( seconds + 30 )) wrk -t"$threads" -c"$conns" -d"${seconds}s" --latency \
    -s "$BENCH/lua/$script" "$(url_of "$target" "$path")" > "$out" 2>&1 || die "wrk $workload $target failed: $(tail -3 "$out")"
  python3 "$BENCH/lib/report.py" check-wrk "$out" || die "$workload against $target had errors (see $out)"
  rss_sample "$workload" "$target" "$rep"
}

# rss_sample WORKLOAD TARGET REP: the Payara process's resident memory right after a workload, into rss.tsv.
rss_sample() {
  local pid="${PID_OF[$2]:-}"
  [ -n "$pid" ] && [ -r "/proc/$pid/status" ] || return 0
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")" >> "$WORK/rss.tsv"
}

# rss_report: the highest RSS each Payara process reached after each workload (MiB), as a table.
rss_report() {
  [ -f "$WORK/rss.tsv" ] || return 0
  python3 - "$WORK/rss.tsv" <<'PY' | tee "$WORK/rss.md"
import collections, sys
peak = collections.defaultdict(int)
workloads, targets = [], []
for line in open(sys.argv[1]):
    workload, target, rep, kib = line.split("\t")
    peak[workload, target] = max(peak[workload, target], int(kib))
    if workload not in workloads: workloads.append(workload)
    if target not in targets: targets.append(target)
print("| RSS after each workload, highest (MiB) | " + " | ".join(workloads) + " |")
print("|---|" + "---|" * len(workloads))
for target in targets:
    print(f"| {target} | " + " | ".join(f"{peak[w, target] / 1024:.0f}" if (w, target) in peak else "—" for w in workloads) + " |")
PY
}

WORKLOADS="get-small-32 get-small-1 get-1mb-8 post-16k-32"
# targets_of WORKLOAD: the floor (Payara + JDK HttpClient, no relay logic) runs every workload; Payara
# answering by itself only makes sense for the small GETs.
targets_of() {
  if [ "$MODE" = candidates ]; then echo "nginx relay relay-plain floor floor-plain jetty apache mitre jetty-proxy"; return; fi
  case "$1" in get-small-*) echo "direct nginx relay floor container" ;; *) echo "direct nginx relay floor" ;; esac
}
run_workloads() {
  log "warm-up: relay and floor ${WARMUP}s, nginx 2s"
  local warm="relay floor"
  [ "$MODE" = candidates ] && warm="relay relay-plain floor floor-plain jetty apache mitre jetty-proxy"
  for workload in $WORKLOADS; do
    for target in $warm; do run_wrk "$workload" "$target" warmup "$WARMUP"; done
    run_wrk "$workload" nginx warmup 2
  done
  local rep order targets i
  for rep in $(seq 1 "$REPS"); do
    for workload in $WORKLOADS; do
      # Rotate the order so no target always runs first (or last) on a noisy machine.
      read -r -a targets <<< "$(targets_of "$workload")"
      order=""
      for i in "${!targets[@]}"; do order+=" ${targets[$(( (i + rep) % ${#targets[@]} ))]}"; done
      for target in $order; do
        run_wrk "$workload" "$target" "$rep" "$DURATION"
      done
    done
    log "round $rep/$REPS done"
  done
}

# ---------------------------------------------------------------- SSE fan-out
run_sse() {
  local n target url mode pid failures=0
  echo "{\"threads\":$(threads_of "$RELAY_PID")}" > "$WORK/sse/relay-before.json"
  for n in $SSE_COUNTS; do
    for target in relay nginx direct; do
      case "$target" in
        relay) url="http://127.0.0.1:$RELAY_PORT/api/stream/sse"; mode=cookie; pid=$RELAY_PID ;;
        nginx) url="http://127.0.0.1:$NGINX_STREAM_PORT/api/proxy/sse"; mode=cookie; pid=0 ;;
        direct) url="http://127.0.0.1:$STREAM_PORT/sse"; mode=bearer; pid=0 ;;
      esac
      log "SSE: $n streams via $target"
      if ! timeout $(( SSE_SECONDS + 120 )) java -Xss256k -cp "$WORK/classes" SseClient "$url" "$n" "$SSE_SECONDS" "$mode" \
          "$TOKEN_LENGTH" "$pid" "$WORK/sse/$n.$target.json" > "$WORK/logs/sse-$n-$target.log" 2>&1; then
        log "SSE $n via $target: $(tail -1 "$WORK/logs/sse-$n-$target.log")"
        # Up to 2,000 streams is a guarantee; beyond that the row measures how far it goes, so a failure is
        # reported (its log stays in logs/) without discarding the run's other results.
        [ "$n" -le 2000 ] && failures=$(( failures + 1 ))
      fi
      sleep 1 # let the closed streams drain before the next run
    done
  done
  [ "$failures" = 0 ] || die "$failures SSE run(s) had failed streams or missing events"
  awk '/^Threads:/ {t=$2} /^VmRSS:/ {r=$2} END {printf "{\"threads\":%s,\"rss_kib\":%s}\n", t, r}' \
    "/proc/$RELAY_PID/status" > "$WORK/sse/relay-after.json"
}

# ---------------------------------------------------------------- large bodies
gc_lines() { wc -l < "$WORK/logs/relay-gc.log"; }

# big TARGET DIRECTION REP
run_big() {
  local target="$1" dir="$2" rep="$3" url auth
  local out="$WORK/big/$dir.$target.$rep" bytes=$(( BIG_MB * 1024 * 1024 )) name="1gb"
  [ "$BIG_MB" = 64 ] && name="64mb"
  if [ "$target" = direct ]; then auth=(-H "Authorization: Bearer $TOKEN"); else auth=(-H "Cookie: $COOKIE"); fi
  if [ "$dir" = download ]; then
    case "$target" in
      direct) url="http://127.0.0.1:$BACKEND_PORT/$name" ;;
      nginx) url="http://127.0.0.1:$NGINX_PORT/api/proxy/$name" ;;
      relay) url="http://127.0.0.1:$RELAY_PORT/api/proxy/$name" ;;
    esac
  else
    case "$target" in
      direct) url="http://127.0.0.1:$STREAM_PORT/upload" ;;
      nginx) url="http://127.0.0.1:$NGINX_STREAM_PORT/api/proxy/upload" ;;
      relay) url="http://127.0.0.1:$RELAY_PORT/api/stream/upload" ;;
    esac
  fi
  local gc_start=0
  if [ "$target" = relay ]; then
    jcmd "$RELAY_PID" GC.run > /dev/null 2>&1 || true
    sleep 0.5
    gc_start="$(gc_lines)"
  fi
  local curl_args=(-sS --max-time 300 "${auth[@]}" -w '{"http":%{http_code},"seconds":%{time_total},"down":%{size_download},"up":%{size_upload}}')
  if [ "$dir" = download ]; then
    curl "${curl_args[@]}" -o /dev/null "$url" > "$out.json" || die "download via $target"
  else
    [ -f "$WORK/big/upload.bin" ] || truncate -s "$bytes" "$WORK/big/upload.bin"
    # "Expect:" off: curl would wait a second for a 100 Continue that the plain backend never sends.
    curl "${curl_args[@]}" -X POST -H "Expect:" -H "Content-Type: application/octet-stream" -T "$WORK/big/upload.bin" \
      -o "$out.body" "$url" > "$out.json" || die "upload via $target"
  fi
  if [ "$target" = relay ]; then
    jcmd "$RELAY_PID" GC.run > /dev/null 2>&1 || true
    sleep 0.5
    tail -n +"$(( gc_start ))" "$WORK/logs/relay-gc.log" > "$out.gc.log"
    rss_sample "$dir-${BIG_MB}mb" relay "$rep"
  fi
  python3 "$BENCH/lib/report.py" check-big "$out.json" "$dir" "$bytes" || die "$dir via $target"
}

run_bigs() {
  local rep target
  for rep in $(seq 1 "$REPS"); do
    for target in direct nginx relay; do
      log "${BIG_MB} MiB download and upload via $target ($rep/$REPS)"
      run_big "$target" download "$rep"
      run_big "$target" upload "$rep"
    done
  done
}

# ---------------------------------------------------------------- boot time
# Seconds from starting the JVM to the first 200: the relay WAR (a relayed GET) vs the trivial WAR, and a
# WAR with one CDI bean (what switching CDI on costs by itself).
run_boots() {
  local i kind war url start elapsed port
  for i in $(seq 1 "$BOOTS"); do
    for kind in empty cdi relay; do
      port="$(free_port)"
      case "$kind" in
        relay) war="$ROOT/target/cookie-relay.war"; url="http://127.0.0.1:$port/api/proxy/small" ;;
        cdi) war="$WORK/cdi.war"; url="http://127.0.0.1:$port/one-bean" ;;
        empty) war="$WORK/empty.war"; url="http://127.0.0.1:$port/index.html" ;;
      esac
      start="$(date +%s.%N)"
      start_payara "$war" "$port" "boot-$kind-$i" "${RELAY_JVM_SETTINGS[@]}"
      wait_http "boot $kind" "$url" 120 -H "Cookie: $COOKIE"
      elapsed="$(python3 -c "import time; print(round(time.time() - $start, 3))")"
      echo "{\"kind\":\"$kind\",\"seconds\":$elapsed}" > "$WORK/boot/$kind.$i.json"
      log "boot with $kind WAR: ${elapsed}s"
      stop_pid "$PAYARA_PID"
    done
  done
}

# ---------------------------------------------------------------- profile
run_profile() {
  local workload
  for workload in get-small-32 get-1mb-8; do
    run_wrk "$workload" relay warmup 10
    jcmd "$RELAY_PID" JFR.start name="$workload" settings=profile filename="$WORK/$workload.jfr" > /dev/null
    run_wrk "$workload" relay profile 20
    jcmd "$RELAY_PID" JFR.stop name="$workload" > /dev/null
    python3 "$BENCH/lib/jfr_top.py" "$WORK/$workload.jfr" | tee "$WORK/$workload.profile.txt"
  done
}

# ---------------------------------------------------------------- main
SECONDS=0
ensure_tools
build
start_servers
if [ "$MODE" = serve ]; then
  echo "ports: backend=$BACKEND_PORT stream=$STREAM_PORT nginx=$NGINX_PORT nginx_stream=$NGINX_STREAM_PORT relay=$RELAY_PORT relay_pid=$RELAY_PID" > "$BENCH/work/serve.ports"
  log "serving for ${BENCH_SERVE_SECONDS:-300}s: $(cat "$BENCH/work/serve.ports")"
  sleep "${BENCH_SERVE_SECONDS:-300}"
  exit 0
fi
if [ "$MODE" = profile ]; then
  run_profile
  log "profile done in ${SECONDS}s: $WORK"
  exit 0
fi
run_workloads
if [ "$MODE" = candidates ]; then
  python3 "$BENCH/lib/candidates.py" "$WORK" "$REPS" "$WORKLOADS" "nginx relay relay-plain floor floor-plain jetty apache mitre jetty-proxy" \
    "$(uname -srm); $(nproc) cores; $(java -version 2>&1 | head -1)" | tee "$WORK/candidates.md"
  rss_report
  log "candidates done in ${SECONDS}s: $WORK/candidates.md"
  exit 0
fi
run_sse
run_bigs
rss_report
stop_pid "$RELAY_PID"   # the boot measurements get the machine to themselves (the backend stays)
stop_pid "$FLOOR_PID"
run_boots
python3 "$BENCH/lib/report.py" report "$WORK" "$MODE" "$BENCH" "$(uname -srm); $(nproc) cores; $(java -version 2>&1 | head -1)"
log "done in ${SECONDS}s ($MODE): $WORK"
