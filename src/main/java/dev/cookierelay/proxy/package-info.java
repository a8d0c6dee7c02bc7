/**
 * The relay itself: one servlet that checks a request, forwards it to its route's backend with the
 * cookie turned into a Bearer token, and streams the answer back without buffering either body.
 */
package dev.cookierelay.proxy;
