package io.chorus.content;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An organization's settings, one row keyed by the organization itself. Its id is the tenant, so it is always read by
 * {@code Tenants.current()} rather than filtered.
 */
@Entity
@Table(name = "organization_settings")
public class OrganizationSettings extends PanacheEntityBase {

    public static final int DEFAULT_DAILY_SHARE_LIMIT = 15;

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "blocklist_phrases")
    public String[] blocklistPhrases = new String[0];
    @Column(name = "blocklist_patterns")
    public String[] blocklistPatterns = new String[0];
    /** Appended to shared messages when set ("I work at ..."). */
    public String disclosure;
    /** The organization's time zone (IANA id); null means UTC. */
    @Column(name = "time_zone")
    public String timeZone;
    /** Lifetime points at which each level starts; null means the defaults. */
    @Column(name = "level_thresholds")
    public Integer[] levelThresholds;
    /** What one click is worth to the organization, for the earned media value estimate; null: no estimate. */
    @Column(name = "cost_per_click")
    public BigDecimal costPerClick;
    @Column(name = "cost_per_click_currency")
    public String costPerClickCurrency;
    /** When true, no shared message goes out without the disclosure. */
    @Column(name = "disclosure_mandatory")
    public boolean disclosureMandatory;
    /** The networks shared on, as their ids; null means every one. */
    public String[] networks;
    /** When digests go out, in the organization's time zone. */
    @Column(name = "digest_time")
    public LocalTime digestTime = LocalTime.of(9, 0);
    /** The day weekly digests go out, ISO (1 Monday .. 7 Sunday). */
    @Column(name = "digest_day")
    public int digestDay = 1;
    /** Whether redirects append the click's id ({@code chorus_click}) for conversion reports. */
    @Column(name = "click_ids")
    public boolean clickIds = true;
    /** How many days after a click a conversion is still credited to it. */
    @Column(name = "attribution_window_days")
    public int attributionWindowDays = 30;
    /** Whether /c.js also keeps the click id in a first-party cookie on the site, for the attribution window. */
    @Column(name = "click_cookie")
    public boolean clickCookie;
    /** At most this many new shares per member per day, the day in the organization's time zone. */
    @Column(name = "daily_share_limit")
    public int dailyShareLimit = DEFAULT_DAILY_SHARE_LIMIT;
    /** When members may share, in the organization's time zone; both null: any time. */
    @Column(name = "sharing_hours_from")
    public LocalTime sharingHoursFrom;
    @Column(name = "sharing_hours_to")
    public LocalTime sharingHoursTo;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The organization's time zone, UTC unless it chose one. */
    public ZoneId zone() {
        return ZoneId.of(timeZone == null ? "UTC" : timeZone);
    }

    /** The disclosure a share of this content carries: the item's own, else the organization's; null for none. */
    public static String disclosureOf(Content content, OrganizationSettings settings) {
        if (content.disclosure != null) {
            return content.disclosure;
        }
        return settings == null || settings.disclosure == null || settings.disclosure.isBlank() ? null
                : settings.disclosure;
    }

    /** The networks the organization shares on, in Chorus's order. */
    public List<Network> allowedNetworks() {
        return allowedNetworks(networks);
    }

    /** The networks of a {@code networks} column's value (null: every one), in Chorus's order. */
    public static List<Network> allowedNetworks(String[] chosenIds) {
        if (chosenIds == null) {
            return List.of(Network.values());
        }
        List<String> chosen = List.of(chosenIds);
        return Arrays.stream(Network.values()).filter(n -> chosen.contains(n.id())).toList();
    }

    public static OrganizationSettings of(UUID organizationId) {
        OrganizationSettings settings = OrganizationSettings.findById(organizationId);
        if (settings == null) {
            settings = new OrganizationSettings();
            settings.organizationId = organizationId;
        }
        return settings;
    }
}
