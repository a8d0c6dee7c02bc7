/** The demo's own parts of the WAR (sign-in, sign-out, demo page): all answer 404 unless RELAY_DEMO_ENABLED is true. */
package dev.cookierelay.demo;
