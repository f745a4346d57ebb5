package io.chorus.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chorus.invitations")
public interface TenancyConfig {

    /**
     * The page an invitee opens to accept, with {token} in it; point it at your employees' web app if it has its own
     * page. The default is served by Chorus itself.
     */
    @WithDefault("${chorus.public-base-url}/invitations/{token}")
    String acceptUrlTemplate();
}
