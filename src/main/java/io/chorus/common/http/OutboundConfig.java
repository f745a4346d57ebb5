package io.chorus.common.http;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** What the service may call on its own (link previews, webhooks), under {@code chorus.outbound.}. */
@ConfigMapping(prefix = "chorus.outbound")
public interface OutboundConfig {

    /**
     * Private networks (CIDRs such as {@code 10.20.0.0/16} or {@code fd12:3456::/32}) the service may call although
     * they are not on the public internet: a self-hoster's intranet receivers. Empty by default. The cloud metadata
     * addresses are never allowed, whatever this lists.
     */
    Optional<List<String>> allowedPrivateNetworks();
}
