package io.chorus.common.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.Inputs;
import io.chorus.common.problem.ProblemException;

/**
 * Which addresses the service may call on its own behalf — a page to preview, a webhook endpoint: URLs someone typed,
 * so they could point inside the network the service runs in. Only public internet addresses, and the private networks
 * the deployment lists in {@code chorus.outbound.allowed-private-networks}. Everything else — loopback, private,
 * link-local, carrier-grade NAT, multicast, reserved and documentation ranges, IPv6 unique-local and NAT64 — is
 * refused, and the cloud metadata services (169.254.169.254, fd00:ec2::254) always are, even inside a listed network.
 * <p>
 * A host is resolved and every one of its addresses checked; the JVM caches successful look-ups (30 s by default), so
 * the connection made right after the check goes to an address that passed it.
 */
@Singleton
public class OutboundAddresses {

    /** Why a target may not be called, in words for the person who named it. */
    public static final class Refused extends RuntimeException {

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** How a refused URL's violation begins, the reason following: what a form tells apart from a malformed URL. */
    public static final String CANNOT_BE_CALLED = "cannot be called: ";

    private static final List<Network> METADATA = List.of(Network.parse("169.254.169.254/32"),
            Network.parse("fd00:ec2::254/128"));

    private final List<Network> allowed;

    @Inject
    public OutboundAddresses(OutboundConfig config) {
        this(config.allowedPrivateNetworks().orElse(List.of()));
    }

    /** With these networks allowed; a CIDR that is not one stops the service from starting. */
    public OutboundAddresses(List<String> allowedPrivateNetworks) {
        List<Network> networks = new ArrayList<>();
        for (String cidr : allowedPrivateNetworks) {
            if (!cidr.isBlank()) {
                networks.add(Network.parse(cidr.strip()));
            }
        }
        this.allowed = List.copyOf(networks);
    }

    /** The addresses of the target's host, every one of which may be called; else {@link Refused}. */
    public List<InetAddress> resolve(URI target) {
        String host = target.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("the URL has no host");
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new Refused(host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!mayCall(address)) {
                throw new Refused(host + " is not a public address (" + address.getHostAddress() + ")");
            }
        }
        return List.of(addresses);
    }

    /**
     * A URL someone gave for the service to call: http or https, at most 2048 characters, no credentials and no
     * #fragment, and a host that resolves to addresses it may call now; else a 400 naming {@code field}.
     */
    public String callableUrl(String field, String requested) {
        String url = Inputs.webUrl(field, requested);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ProblemException.invalid(field, "must hold no credentials and no #fragment");
        }
        try {
            resolve(uri);
        } catch (Refused e) {
            throw ProblemException.invalid(field, CANNOT_BE_CALLED + e.getMessage());
        }
        return url;
    }

    /** Whether the service may call this address. */
    public boolean mayCall(InetAddress address) {
        if (METADATA.stream().anyMatch(n -> n.contains(address))) {
            return false;
        }
        return isPublic(address) || allowed.stream().anyMatch(n -> n.contains(address));
    }

    /** Whether an address is on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 // this network
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 2) // documentation
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || (first == 198 && second == 51 && (b[2] & 0xff) == 100) // documentation
                    || (first == 203 && second == 0 && (b[2] & 0xff) == 113) // documentation
                    || first >= 240); // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            return !((first & 0xfe) == 0xfc // unique local fc00::/7
                    || (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) // NAT64
                    || (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) // documentation
                    || isIpv4Compatible(b));
        }
        return false;
    }

    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A network in CIDR notation: an address literal and a prefix length. */
    record Network(byte[] address, int prefix) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            String literal = slash < 0 ? cidr : cidr.substring(0, slash);
            // Only address literals: a host name here would be looked up at start and trusted for good.
            if (!literal.toLowerCase(Locale.ROOT).matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-f:.]*:[0-9a-f:.]*")) {
                throw new IllegalArgumentException(
                        "chorus.outbound.allowed-private-networks: '" + cidr + "' is not a CIDR such as 10.0.0.0/8");
            }
            try {
                byte[] address = InetAddress.getByName(literal).getAddress();
                int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new NumberFormatException();
                }
                return new Network(address, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException(
                        "chorus.outbound.allowed-private-networks: '" + cidr + "' is not a CIDR such as 10.0.0.0/8");
            }
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != address.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[whole] & mask) == (address[whole] & mask);
        }
    }
}
