#!/bin/sh
# Runs cookie-relay on Payara Micro 6. Settings come from the environment (every key is its own env var) or from
# a properties file: RELAY_PROPERTIES=relay.properties ./run.sh  (passed as --systemproperties; they win over env).
#   PAYARA_MICRO_JAR  path of payara-micro-6.2025.10.jar (Maven Central: fish.payara.extras:payara-micro)
#   RELAY_WAR         path of cookie-relay.war (mvn package: target/cookie-relay.war)
#   HTTP_PORT         listener port (default 8080)
#   CLUSTER=true      join a data grid instead of running alone: see README.md before scaling out
#   JAVA_OPTS         JVM options (default -Xmx256m: measured for 2,000 open streams, see TUNING.md)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${PAYARA_MICRO_JAR:?set PAYARA_MICRO_JAR to payara-micro.jar}"
: "${RELAY_WAR:?set RELAY_WAR to cookie-relay.war}"

set -- --deploy "$RELAY_WAR" --contextroot / --port "${HTTP_PORT:-8080}" \
    --prebootcommandfile "$here/pre-boot.asadmin" --postbootcommandfile "$here/post-boot.asadmin"
if [ -n "${RELAY_PROPERTIES:-}" ]; then
    set -- "$@" --systemproperties "$RELAY_PROPERTIES"
fi
if [ "${CLUSTER:-false}" = "true" ]; then
    # Members find each other over TCP (no multicast); list every member as host:port.
    set -- "$@" --clustermode "tcpip:${CLUSTER_MEMBERS:?e.g. 10.0.0.1:6900,10.0.0.2:6900}" \
        --interfaces "${CLUSTER_INTERFACE:?address of this host on the cluster network}" \
        --hzclustername cookie-relay --name "${INSTANCE_NAME:-$(hostname)}"
else
    set -- "$@" --nocluster
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx256m} -jar "$PAYARA_MICRO_JAR" "$@"
