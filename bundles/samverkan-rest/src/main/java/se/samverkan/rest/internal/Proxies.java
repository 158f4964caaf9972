package se.samverkan.rest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The proxies whose forwarded headers are believed ({@code trustedProxies}: addresses or CIDR ranges). A client
 * writes whatever it likes into {@code X-Forwarded-For} and {@code X-Forwarded-Proto}; only a proxy the
 * platform knows tells the truth about the client behind it. Without trusted proxies the client is the peer.
 */
final class Proxies {

    /** Literal IPv4 or IPv6 addresses only: a host name would be looked up in DNS for every request. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    static final Proxies NONE = new Proxies(List.of());

    private final List<Range> ranges;

    private Proxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * @param list comma-separated addresses and CIDR ranges ({@code 10.0.0.5, 192.168.0.0/16, ::1}); empty for none
     * @throws IllegalArgumentException naming the entry that is neither
     */
    static Proxies parse(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : list == null ? new String[0] : list.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            byte[] address = bytes(slash < 0 ? e : e.substring(0, slash));
            int bits = address == null ? -1 : address.length * 8;
            if (address != null && slash >= 0) {
                try {
                    bits = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException x) {
                    bits = -1;
                }
            }
            if (address == null || bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("trustedProxies: '" + e
                        + "' is not an IP address or a CIDR range (such as 10.0.0.0/8)");
            }
            ranges.add(new Range(address, bits));
        }
        return new Proxies(List.copyOf(ranges));
    }

    boolean trusts(String address) {
        byte[] bytes = bytes(address);
        return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    /**
     * The client's address: the peer, or, when the peer is a trusted proxy, the nearest address in
     * {@code X-Forwarded-For} that is not one of the trusted proxies (entries further left were written by
     * whoever sent the request and prove nothing).
     */
    String client(String peer, String forwardedFor) {
        if (forwardedFor == null || !trusts(peer)) {
            return peer;
        }
        String client = peer;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (bytes(hop) == null) {
                break;
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        return client;
    }

    /** Whether the client reached the platform over TLS: directly, or through a trusted proxy that says so. */
    boolean secure(boolean direct, String peer, String forwardedProto) {
        return direct || (forwardedProto != null && trusts(peer)
                && forwardedProto.split(",")[0].strip().toLowerCase(Locale.ROOT).equals("https"));
    }

    private static byte[] bytes(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
