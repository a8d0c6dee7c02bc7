package dev.cookierelay.proxy;

import java.io.IOException;

/** A streamed request body grew past the configured maximum: the backend exchange is aborted, the client gets 413. */
final class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException() {
        super("request body exceeds the configured maximum", null);
    }
}
