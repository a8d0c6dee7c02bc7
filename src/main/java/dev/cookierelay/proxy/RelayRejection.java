package dev.cookierelay.proxy;

/** A request the relay answers itself, with {@code status} and a message that is safe to show the client. */
public class RelayRejection extends RuntimeException {

    private final int status;

    public RelayRejection(int status, String clientMessage) {
        super(clientMessage, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
