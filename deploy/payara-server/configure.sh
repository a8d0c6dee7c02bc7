#!/bin/sh
# Sets every cookie-relay MicroProfile Config key on a running Payara Server 6 (config source "config", i.e. the
# server-config of the target, ordinal 120) and deploys the WAR at /, or at RELAY_CONTEXT_ROOT (e.g. /relay, beside
# an application that owns /). Values come from the environment, else the WAR's defaults are written explicitly,
# so `asadmin get-config-property` shows what the relay uses.
# Undo exactly with unconfigure.sh.  ASADMIN (default: asadmin), RELAY_WAR (default: target/cookie-relay.war),
# ASADMIN_OPTS (e.g. "--host 127.0.0.1 --port 4848 --user admin --passwordfile pw.txt").
set -eu
here=$(cd "$(dirname "$0")" && pwd)
asadmin="${ASADMIN:-asadmin} ${ASADMIN_OPTS:-}"
. "$here/settings.sh"

for key in $RELAY_KEYS; do
    value=$(eval "printf '%s' \"\${$key-\$(default_of $key)}\"")
    $asadmin set-config-property --source=config --sourceName=server-config \
        --propertyName="$key" --propertyValue="$value"
done
# Grizzly answers a body on GET, HEAD and DELETE with a bare 400 before the relay sees it (deploy/README.md).
$asadmin set "configs.config.server-config.network-config.protocols.protocol.${HTTP_LISTENER:-http-listener-1}.http.allow-payload-for-undefined-http-methods=true"
# No HTTP/2 on cleartext: the HTTP/2 preface then gets a 501 instead of opening a session (deploy/README.md).
$asadmin set "configs.config.server-config.network-config.protocols.protocol.${HTTP_LISTENER:-http-listener-1}.http.http2-enabled=false"
$asadmin deploy --name cookie-relay --contextroot "${RELAY_CONTEXT_ROOT:-/}" "${RELAY_WAR:-target/cookie-relay.war}"
