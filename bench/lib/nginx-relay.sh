#!/usr/bin/env bash
# Usage: nginx-relay.sh PORT BACKEND_URL
# (Copied from the shared nginx yardstick so the benchmark runs from the repo alone.)
# The strongest simple competitor: nginx as the cookie-to-bearer proxy, in the foreground on
# 127.0.0.1:PORT, with its config, pid, logs and temp paths in its own temp dir (no system config).
#   /api/proxy/<path>?<query>  -> BACKEND_URL/<path>?<query>, adding "Authorization: Bearer <cookie>"
#   no (or empty) cookie       -> 401 {"error":"Not authenticated"}
# env:
#   AUTH_COOKIE_NAME            cookie holding the token (default auth_token)
#   RATE_LIMIT_REQUESTS + RATE_LIMIT_PERIOD_SECONDS
#                               if both set: limit_req keyed by the cookie value (remote address when
#                               there is none), N requests at once then N per PERIOD (token bucket),
#                               excess -> 429 {"error":"Too many requests"} with Retry-After
#   BACKEND_TIMEOUT_SECONDS     if set: connect/read/send timeouts to the backend
#   NGINX_WORKERS               worker_processes (default auto)
# Streaming: proxy_buffering off and proxy_request_buffering off, so SSE and uploads stream through.
# The incoming Cookie header is not forwarded to the backend (the backend gets the bearer token).
set -euo pipefail
if [ $# -lt 2 ]; then echo "usage: $0 PORT BACKEND_URL" >&2; exit 2; fi
PORT="$1"; BACKEND="$2"
COOKIE="${AUTH_COOKIE_NAME:-auth_token}"
WORKERS="${NGINX_WORKERS:-auto}"
command -v nginx >/dev/null || { echo "nginx-relay.sh: nginx not installed (bench/run.sh installs it)" >&2; exit 3; }

if [[ ! "$BACKEND" =~ ^(https?)://([^/?#]+)(/[^?#]*)?$ ]]; then
  echo "nginx-relay.sh: BACKEND_URL must look like http://host:port[/base]: $BACKEND" >&2; exit 2
fi
SCHEME="${BASH_REMATCH[1]}"; HOSTPORT="${BASH_REMATCH[2]}"; BASE="${BASH_REMATCH[3]:-}"
BASE="${BASE%/}"
if [[ ! "$HOSTPORT" =~ :[0-9]+$ ]]; then
  if [ "$SCHEME" = https ]; then HOSTPORT="$HOSTPORT:443"; else HOSTPORT="$HOSTPORT:80"; fi
fi

# Token variable: $cookie_NAME when the name is a plain identifier, else a regex over the Cookie header.
TOKEN_MAP=""
if [[ "$COOKIE" =~ ^[A-Za-z0-9_]+$ ]]; then
  TOKEN_VAR="\$cookie_$COOKIE"
else
  esc="$(printf '%s' "$COOKIE" | sed 's/[][\.*^$+?(){}|/]/\\&/g')"
  TOKEN_MAP="map \$http_cookie \$auth_cookie_value { default \"\"; \"~(?:^|;)\\s*$esc=(?<v>[^;]*)\" \$v; }"
  TOKEN_VAR="\$auth_cookie_value"
fi

RL_HTTP=""; RL_SERVER=""
if [ -n "${RATE_LIMIT_REQUESTS:-}" ] && [ -n "${RATE_LIMIT_PERIOD_SECONDS:-}" ]; then
  N="$RATE_LIMIT_REQUESTS"; P="$RATE_LIMIT_PERIOD_SECONDS"
  [[ "$N" =~ ^[0-9]+$ && "$P" =~ ^[0-9]+$ && "$N" -ge 1 && "$P" -ge 1 ]] || { echo "nginx-relay.sh: bad RATE_LIMIT_* values" >&2; exit 2; }
  # nginx rates are integers per second or per minute; use r/s when exact, else r/m rounded up.
  if (( N % P == 0 )); then RATE="$(( N / P ))r/s"; else RATE="$(( (N * 60 + P - 1) / P ))r/m"; fi
  BURST=$(( N - 1 ))
  RL_HTTP="map $TOKEN_VAR \$rl_key { \"\" \$binary_remote_addr; default $TOKEN_VAR; }
  limit_req_zone \$rl_key zone=proxy_rl:16m rate=$RATE;
  limit_req_status 429;"
  RL_SERVER="limit_req zone=proxy_rl burst=$BURST nodelay;"
fi

TIMEOUTS=""
if [ -n "${BACKEND_TIMEOUT_SECONDS:-}" ]; then
  T="$BACKEND_TIMEOUT_SECONDS"
  TIMEOUTS="proxy_connect_timeout ${T}s; proxy_read_timeout ${T}s; proxy_send_timeout ${T}s;"
fi
RETRY_AFTER="${RATE_LIMIT_PERIOD_SECONDS:-1}"

DIR="$(mktemp -d /tmp/bench-nginx-relay.XXXXXX)"
chmod 755 "$DIR"
cat > "$DIR/nginx.conf" <<CONF
worker_processes $WORKERS;
daemon off;
master_process on;
pid $DIR/nginx.pid;
error_log stderr warn;
events { worker_connections 8192; multi_accept on; }
http {
  access_log off;
  server_tokens off;
  tcp_nodelay on;
  keepalive_timeout 75s;
  keepalive_requests 1000000;
  client_max_body_size 0;
  client_body_temp_path $DIR/tmp_body;
  proxy_temp_path $DIR/tmp_proxy;
  fastcgi_temp_path $DIR/tmp_fcgi;
  uwsgi_temp_path $DIR/tmp_uwsgi;
  scgi_temp_path $DIR/tmp_scgi;
  $TOKEN_MAP
  $RL_HTTP
  upstream proxy_backend {
    server $HOSTPORT;
    keepalive 128;
    keepalive_requests 1000000;
    keepalive_timeout 60s;
  }
  server {
    listen 127.0.0.1:$PORT reuseport backlog=4096;
    $RL_SERVER
    location /api/proxy/ {
      # Missing cookie: jump to /__unauth so that the 401 is produced after the rate limiter ran.
      if ($TOKEN_VAR = "") { rewrite ^ /__unauth last; }
      proxy_pass $SCHEME://proxy_backend$BASE/;
      proxy_http_version 1.1;
      proxy_set_header Host $HOSTPORT;
      proxy_set_header Connection "";
      proxy_set_header Authorization "Bearer $TOKEN_VAR";
      proxy_set_header Cookie "";
      proxy_buffering off;
      proxy_request_buffering off;
      proxy_buffer_size 64k;
      proxy_buffers 4 64k;
      proxy_busy_buffers_size 128k;
      proxy_ssl_server_name on;
      $TIMEOUTS
      proxy_intercept_errors off;
      error_page 502 504 = @upstream_error;
      error_page 429 = @ratelimited;  # error_page is not inherited where a location sets its own
    }
    location = /__unauth {
      internal;
      try_files /__nonexistent__ =401;
      error_page 401 = @unauth;
      error_page 429 = @ratelimited;
    }
    location @unauth {
      default_type application/json;
      return 401 '{"error":"Not authenticated"}';
    }
    location @ratelimited {
      default_type application/json;
      add_header Retry-After $RETRY_AFTER always;
      return 429 '{"error":"Too many requests"}';
    }
    location @upstream_error {
      default_type application/json;
      return 502 '{"error":"Proxy request failed"}';
    }
    error_page 429 = @ratelimited;
    location / {
      default_type application/json;
      return 404 '{"error":"Not found"}';
    }
  }
}
CONF

child=""
cleanup() {
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$child" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$child" 2>/dev/null || true
  fi
  rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
nginx -e stderr -p "$DIR" -c "$DIR/nginx.conf" -t -q
nginx -e stderr -p "$DIR" -c "$DIR/nginx.conf" &
child=$!
wait "$child"
