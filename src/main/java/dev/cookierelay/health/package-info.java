/** MicroProfile Health: the relay is live while it can work, ready while every route's backend accepts connections. */
package dev.cookierelay.health;
