package io.chorus.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The one address policy of the service's own calls (link previews, webhooks): public addresses, the private networks a
 * deployment lists, and never the cloud metadata services. No Quarkus, no network: address literals only.
 */
class OutboundAddressesTest {

    @Test
    void withNoListOnlyPublicAddressesMayBeCalled() {
        OutboundAddresses none = new OutboundAddresses(List.of());
        assertThat(none.mayCall(ip("93.184.216.34"))).isTrue();
        assertThat(none.mayCall(ip("2606:4700::1111"))).isTrue();
        for (String refused : List.of("127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.1.1",
                "100.64.0.1", "0.0.0.0", "fd12::1", "fe80::1", "224.0.0.1", "192.0.2.1", "::ffff:127.0.0.1")) {
            assertThat(none.mayCall(ip(refused))).as(refused).isFalse();
        }
    }

    @Test
    void aListedNetworkMayBeCalledAndOnlyThatNetwork() {
        OutboundAddresses intranet = new OutboundAddresses(List.of("10.20.0.0/16", " fd12:3456::/32", "192.168.7.9"));
        assertThat(intranet.mayCall(ip("10.20.0.1"))).isTrue();
        assertThat(intranet.mayCall(ip("10.20.255.254"))).isTrue();
        assertThat(intranet.mayCall(ip("10.21.0.1"))).isFalse();
        assertThat(intranet.mayCall(ip("fd12:3456:1::5"))).isTrue();
        assertThat(intranet.mayCall(ip("fd12:3457::5"))).isFalse();
        assertThat(intranet.mayCall(ip("192.168.7.9"))).isTrue();
        assertThat(intranet.mayCall(ip("192.168.7.10"))).isFalse();
        assertThat(intranet.mayCall(ip("127.0.0.1"))).isFalse();
        OutboundAddresses odd = new OutboundAddresses(List.of("10.64.0.0/10"));
        assertThat(odd.mayCall(ip("10.127.255.1"))).isTrue();
        assertThat(odd.mayCall(ip("10.128.0.1"))).isFalse();
        assertThat(odd.mayCall(ip("10.63.255.1"))).isFalse();
    }

    @Test
    void theMetadataAddressesAreNeverAllowedWhateverIsListed() {
        OutboundAddresses everything = new OutboundAddresses(
                List.of("0.0.0.0/0", "::/0", "169.254.0.0/16", "169.254.169.254/32", "fd00::/8"));
        assertThat(everything.mayCall(ip("10.0.0.1"))).isTrue();
        assertThat(everything.mayCall(ip("169.254.169.253"))).isTrue();
        assertThat(everything.mayCall(ip("169.254.169.254"))).isFalse();
        assertThat(everything.mayCall(ip("fd00:ec2::254"))).isFalse();
        assertThatThrownBy(() -> everything.resolve(URI.create("http://169.254.169.254/latest/meta-data/")))
                .isInstanceOf(OutboundAddresses.Refused.class).hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> everything.resolve(URI.create("http://[fd00:ec2::254]/")))
                .isInstanceOf(OutboundAddresses.Refused.class).hasMessageContaining("not a public address");
    }

    @Test
    void aTargetIsResolvedAndEachAddressChecked() {
        OutboundAddresses loopback = new OutboundAddresses(List.of("127.0.0.0/8"));
        assertThat(loopback.resolve(URI.create("http://127.0.0.1:8080/hook"))).containsExactly(ip("127.0.0.1"));
        assertThatThrownBy(() -> loopback.resolve(URI.create("http://[::1]:8080/hook")))
                .isInstanceOf(OutboundAddresses.Refused.class)
                .hasMessage("[::1] is not a public address (0:0:0:0:0:0:0:1)");
        assertThatThrownBy(() -> loopback.resolve(URI.create("http://10.9.8.7/hook")))
                .isInstanceOf(OutboundAddresses.Refused.class)
                .hasMessage("10.9.8.7 is not a public address (10.9.8.7)");
    }

    @Test
    void aListEntryThatIsNotACidrStopsTheServiceFromStarting() {
        for (String wrong : List.of("intranet.example.com", "10.0.0.0/33", "10.0.0.0/x", "fd00::/129", "10.0.0")) {
            assertThatThrownBy(() -> new OutboundAddresses(List.of(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a CIDR");
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
