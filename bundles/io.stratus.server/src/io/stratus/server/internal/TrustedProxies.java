package io.stratus.server.internal;

import io.stratus.bootstrap.Setting;
import io.stratus.bootstrap.Settings;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The proxies (load balancers) whose word on the client's address is believed: addresses and CIDR
 * blocks, from the setting {@code --trusted-proxies}. A request that a trusted proxy brings has its
 * client address from {@code X-Forwarded-For} (or, without one, {@code Forwarded}): the chain is
 * walked from the right, each trusted hop passing on to the one before it, and the first hop that
 * is not trusted is the client. Anyone else's headers are ignored, so a client cannot choose the
 * address it is throttled and logged as. X-Forwarded-For comes first because every balancer sets it
 * (AWS's ALB only that one), so a client cannot slip a made-up {@code Forwarded} past it.
 */
final class TrustedProxies {

    static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** One address ({@code /32} or {@code /128}) or a block of them. */
    private record Block(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            if (!Arrays.equals(bytes, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = prefix % 8;
            return rest == 0 || ((bytes[whole] ^ network[whole]) & (0xff << (8 - rest))) == 0;
        }
    }

    /** Dotted IPv4, or IPv6 (which has colons): literals only, so that no name is ever looked up. */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F.:]*:[0-9a-fA-F.:]*");
    private static final Pattern LIST = Pattern.compile("\\s*,\\s*");

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** The setting's value: addresses and CIDR blocks separated by commas; empty trusts nobody. */
    static TrustedProxies parse(String value) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : LIST.split(value.strip())) {
            if (!entry.isEmpty()) {
                blocks.add(block(entry));
            }
        }
        return new TrustedProxies(List.copyOf(blocks));
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        Optional<InetAddress> address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address.isEmpty()) {
            throw Settings.invalid(Setting.TRUSTED_PROXIES, "'" + entry + "' is not an IP address or a CIDR block "
                    + "such as 10.0.0.0/16");
        }
        byte[] network = address.get().getAddress();
        int prefix = network.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw Settings.invalid(Setting.TRUSTED_PROXIES, "'" + entry + "' has a prefix length that is not 0 to "
                        + network.length * 8);
            }
        }
        return new Block(network, prefix);
    }

    boolean trusts(SocketAddress remote) {
        return remote instanceof InetSocketAddress socket && socket.getAddress() != null && trusts(socket.getAddress());
    }

    private boolean trusts(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    /** Who sent the request: its peer, or for a trusted proxy's request the client the proxies name. */
    String clientAddress(Request request) {
        String peer = Request.getRemoteAddr(request);
        if (!trusts(request.getConnectionMetaData().getRemoteSocketAddress())) {
            return peer;
        }
        List<String> hops = forwardedFor(request);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return client; // "unknown" or an obfuscated name: the last proxy we trust is all we know
            }
            client = hop.get().getHostAddress();
            if (!trusts(hop.get())) {
                return client;
            }
        }
        return client;
    }

    /** The hops the proxies recorded, the client first. */
    private static List<String> forwardedFor(Request request) {
        List<String> hops = new ArrayList<>();
        List<String> xForwardedFor = request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR);
        if (!xForwardedFor.isEmpty()) {
            xForwardedFor.forEach(line -> hops.addAll(Arrays.asList(LIST.split(line.strip()))));
            return hops;
        }
        for (String line : request.getHeaders().getValuesList(HttpHeader.FORWARDED)) {
            for (String element : LIST.split(line.strip())) {
                hops.add(forParameter(element));
            }
        }
        return hops;
    }

    /**
     * The node of {@code for=} in one element of {@code Forwarded} (RFC 7239): {@code 192.0.2.60},
     * {@code "[2001:db8::17]:4711"}; empty when the element has none.
     */
    private static String forParameter(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                String node = pair.substring(equals + 1).strip();
                if (node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")) {
                    node = node.substring(1, node.length() - 1);
                }
                if (node.startsWith("[")) {
                    int close = node.indexOf(']');
                    return close < 0 ? "" : node.substring(1, close);
                }
                int colon = node.indexOf(':');
                return colon < 0 ? node : node.substring(0, colon);
            }
        }
        return "";
    }

    /** An IP address written out, never a host name to look up. */
    private static Optional<InetAddress> literal(String text) {
        if (text.isEmpty() || !LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "no trusted proxies" : blocks.size() + " trusted proxy address(es)";
    }
}
