package dev.cookierelay.ratelimit.address;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client behind a request: the socket peer, unless that peer is a trusted proxy, in
 * which case {@code X-Forwarded-For} is walked from the right (the hop nearest to us) past every trusted
 * proxy. Entries left of the first untrusted hop were written by the client and are never believed, so a
 * spoofed header changes nothing. The relay uses the same answer for the {@code X-Forwarded-For} it sends.
 */
public final class ClientAddressResolver {

    /** Request attribute under which the rate-limit filter leaves the resolved {@link InetAddress}. */
    public static final String REQUEST_ATTRIBUTE = "dev.cookierelay.clientAddress";

    private final TrustedProxies trustedProxies;

    public ClientAddressResolver(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /**
     * @param peerAddress        {@code ServletRequest.getRemoteAddr()}
     * @param forwardedForLines  every {@code X-Forwarded-For} header line, in arrival order
     * @return the client's address; empty only when the peer address itself is not an IP literal
     */
    public Optional<InetAddress> resolve(String peerAddress, List<String> forwardedForLines) {
        Optional<byte[]> peer = IpLiteral.parse(peerAddress);
        if (peer.isEmpty()) {
            return Optional.empty();
        }
        byte[] client = peer.get();
        if (trustedProxies.contains(client)) {
            List<String> hops = hops(forwardedForLines);
            for (int i = hops.size() - 1; i >= 0 && trustedProxies.contains(client); i--) {
                Optional<byte[]> hop = IpLiteral.parse(hops.get(i));
                if (hop.isEmpty()) {
                    break; // garbage from a trusted proxy: keep the last address we could vouch for
                }
                client = hop.get();
            }
        }
        return Optional.of(AddressPrefix.toInetAddress(client));
    }

    /** RFC 9110 §5.3: several header lines are one comma-separated list, in order. */
    private static List<String> hops(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }
}
