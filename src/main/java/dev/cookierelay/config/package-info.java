/** Reads MicroProfile Config once into typed values; every rejected value names its key. */
package dev.cookierelay.config;
