#!/usr/bin/env bash
# Usage: backend.sh PORT
# (Copied from the shared nginx yardstick, plus /64mb and /1gb for the large-download workload.)
# A fast nginx benchmark backend on 127.0.0.1:PORT (foreground, own temp dir, no system config):
#   GET  /small  ~120 bytes of JSON (application/json)
#   POST /small  reads and discards the body, returns the same JSON
#   GET  /1mb    1 MiB binary file (application/octet-stream)
#   GET  /64mb, /1gb  64 MiB / 1 GiB of zeros (sparse files, so nothing is written to disk)
#   GET  /echo-auth  returns {"authorization":..., "uri":..., "method":...} as received (for checks)
# Every endpoint except /echo-auth answers 401 when the request has no Authorization header, so a
# proxy that fails to add it shows up as errors in the benchmark.
# env: BACKEND_WORKERS (nginx worker_processes, default 1)
set -euo pipefail
if [ $# -lt 1 ]; then echo "usage: $0 PORT" >&2; exit 2; fi
PORT="$1"
WORKERS="${BACKEND_WORKERS:-1}"
command -v nginx >/dev/null || { echo "backend.sh: nginx not installed (bench/run.sh installs it)" >&2; exit 3; }
DIR="$(mktemp -d /tmp/bench-backend.XXXXXX)"
chmod 755 "$DIR"
mkdir -p "$DIR/www" "$DIR/logs"
head -c 1048576 /dev/urandom > "$DIR/www/1mb.bin"
truncate -s 64M "$DIR/www/64mb.bin"
truncate -s 1G "$DIR/www/1gb.bin"
chmod -R a+rX "$DIR/www"
# 120-byte JSON body (checked below).
SMALL='{"id":12345,"name":"benchmark item","status":"active","tags":["alpha","beta"],"score":98.6,"updated":"2025-01-01T00:00:00Z"}'
[ "${#SMALL}" -ge 110 ] && [ "${#SMALL}" -le 130 ] || { echo "small JSON is ${#SMALL} bytes" >&2; exit 4; }

cat > "$DIR/nginx.conf" <<CONF
worker_processes $WORKERS;
daemon off;
master_process on;
pid $DIR/nginx.pid;
error_log stderr warn;
events { worker_connections 4096; multi_accept on; }
http {
  access_log off;
  server_tokens off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 75s;
  keepalive_requests 1000000;
  client_max_body_size 64m;
  client_body_temp_path $DIR/tmp_body;
  proxy_temp_path $DIR/tmp_proxy;
  fastcgi_temp_path $DIR/tmp_fcgi;
  uwsgi_temp_path $DIR/tmp_uwsgi;
  scgi_temp_path $DIR/tmp_scgi;
  server {
    listen 127.0.0.1:$PORT reuseport backlog=4096;
    root $DIR/www;
    location = /small {
      if (\$http_authorization = "") { return 401; }
      default_type application/json;
      return 200 '$SMALL';
    }
    location = /1mb {
      if (\$http_authorization = "") { return 401; }
      default_type application/octet-stream;
      alias $DIR/www/1mb.bin;
    }
    location ~ ^/(64mb|1gb)\$ {
      if (\$http_authorization = "") { return 401; }
      default_type application/octet-stream;
      alias $DIR/www/\$1.bin;
    }
    location = /echo-auth {
      default_type application/json;
      return 200 '{"authorization":"\$http_authorization","uri":"\$request_uri","method":"\$request_method"}';
    }
    location / { return 404; }
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
nginx -e stderr -p "$DIR" -c "$DIR/nginx.conf" &
child=$!
wait "$child"
