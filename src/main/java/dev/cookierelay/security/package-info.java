/** What the relay refuses to forward: unsafe request targets, cross-site calls and malformed tokens. */
package dev.cookierelay.security;
