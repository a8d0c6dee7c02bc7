package dev.cookierelay.proxy;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps why a backend exchange failed to the status and message the client sees (never host, class or trace). */
record BackendFailure(int status, String message) {

    static BackendFailure of(Throwable failure) {
        for (Throwable cause = unwrap(failure); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException) {
                return new BackendFailure(413, "Request body too large");
            }
            // Like nginx: a backend that does not accept or answer in time is a gateway timeout.
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return new BackendFailure(504, "Backend timed out");
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof UnresolvedAddressException) {
                return new BackendFailure(502, "Backend unreachable");
            }
        }
        return new BackendFailure(502, "Backend request failed");
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
