/**
 * How the relay joins a web application: its servlet and filters register themselves at the configured
 * mount, whether the relay is its own WAR or a dependency inside the host application's WAR.
 */
package dev.cookierelay.mount;
