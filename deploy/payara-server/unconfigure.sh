#!/bin/sh
# Undoes configure.sh: undeploys cookie-relay and deletes every config property it set.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
asadmin="${ASADMIN:-asadmin} ${ASADMIN_OPTS:-}"
. "$here/settings.sh"

$asadmin undeploy cookie-relay
for key in $RELAY_KEYS; do
    $asadmin delete-config-property --source=config --sourceName=server-config --propertyName="$key"
done
