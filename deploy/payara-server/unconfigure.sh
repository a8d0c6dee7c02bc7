#!/bin/sh
# Undoes configure.sh: undeploys cookie-relay, deletes every config property it set and puts the listener's
# allow-payload-for-undefined-http-methods and http2-enabled back to their defaults (false, true).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
asadmin="${ASADMIN:-asadmin} ${ASADMIN_OPTS:-}"
. "$here/settings.sh"

$asadmin undeploy cookie-relay
for key in $RELAY_KEYS; do
    $asadmin delete-config-property --source=config --sourceName=server-config --propertyName="$key"
done
$asadmin set "configs.config.server-config.network-config.protocols.protocol.${HTTP_LISTENER:-http-listener-1}.http.allow-payload-for-undefined-http-methods=false"
$asadmin set "configs.config.server-config.network-config.protocols.protocol.${HTTP_LISTENER:-http-listener-1}.http.http2-enabled=true"
