# Sourced by configure.sh / unconfigure.sh: every key of src/main/resources/META-INF/microprofile-config.properties,
# with its default. Named routes add RELAY_ROUTE_<NAME>_URL / _COOKIE: list them in RELAY_EXTRA_KEYS.
RELAY_KEYS="BACKEND_URL AUTH_COOKIE_NAME RELAY_ROUTES BACKEND_TIMEOUT_SECONDS BACKEND_CONNECT_TIMEOUT_SECONDS
BACKEND_IDLE_TIMEOUT_SECONDS RELAY_MAX_REQUEST_BYTES AUTH_COOKIE_MAX_LENGTH HEALTH_CHECK_INTERVAL_SECONDS
HEALTH_CHECK_TIMEOUT_MILLIS ${RELAY_EXTRA_KEYS:-}"

default_of() {
    case "$1" in
        BACKEND_URL) echo "http://localhost:8000" ;;
        AUTH_COOKIE_NAME) echo "auth_token" ;;
        BACKEND_TIMEOUT_SECONDS) echo 30 ;;
        BACKEND_CONNECT_TIMEOUT_SECONDS) echo 5 ;;
        BACKEND_IDLE_TIMEOUT_SECONDS) echo 300 ;;
        RELAY_MAX_REQUEST_BYTES) echo 104857600 ;;
        AUTH_COOKIE_MAX_LENGTH) echo 8192 ;;
        HEALTH_CHECK_INTERVAL_SECONDS) echo 10 ;;
        HEALTH_CHECK_TIMEOUT_MILLIS) echo 1000 ;;
        *) echo "" ;;
    esac
}
