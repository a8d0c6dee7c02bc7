package dev.cookierelay.health;

import java.util.Map;

/**
 * The result of one probe round, per route name, and when it finished.
 *
 * @param reachableByRoute route name to whether its backend accepted a connection, in route order
 * @param finishedNanos    {@link System#nanoTime()} at the end of the round
 */
record Reachability(Map<String, Boolean> reachableByRoute, long finishedNanos) {

    boolean allReachable() {
        return !reachableByRoute.isEmpty() && !reachableByRoute.containsValue(false);
    }

    /** A round that has not happened yet: nothing is known, so nothing is reachable. */
    static Reachability none() {
        return new Reachability(Map.of(), Long.MIN_VALUE);
    }
}
