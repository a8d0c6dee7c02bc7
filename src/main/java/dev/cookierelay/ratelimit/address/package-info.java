/** Who the client is: the socket peer, or what trusted proxies say in X-Forwarded-For, parsed without DNS. */
package dev.cookierelay.ratelimit.address;
