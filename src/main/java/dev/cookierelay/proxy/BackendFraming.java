package dev.cookierelay.proxy;

import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.RequestContent;

/**
 * Frames the backend request's body: Content-Length when the client declared one, chunked otherwise,
 * {@code Content-Length: 0} for a POST, PUT or PATCH without a body (as the JDK client did).
 *
 * <p>HttpCore's own version also refuses an OPTIONS request that has a body but no Content-Type; the
 * client sent exactly that, and a proxy relays what it got.
 */
final class BackendFraming extends RequestContent {

    @Override
    public void validateOptionsContentType(HttpRequest request) {
    }
}
