package io.chorus.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.conversions.AttributedConversion;
import io.chorus.conversions.AttributionListener;
import io.chorus.scoring.PointsLedger.Award;
import io.chorus.scoring.PointsLedger.OrganizationScoring;

/**
 * What attributed conversions earn, decided here and written in the transaction that attributes them (the conversion
 * writer's, or the sweep's for a conversion whose click came later): the credited member earns the organization's
 * conversion rule once per conversion ({@code conversion:{id}}), within its daily cap, on the day of the attribution.
 * Where the rule awards nothing (the default) nothing is written. The rankings move once the transaction committed.
 */
@Singleton
public class ConversionScorer implements AttributionListener {

    private final Standings standings;

    @Inject
    public ConversionScorer(Standings standings) {
        this.standings = standings;
    }

    @Override
    public Runnable attributed(Connection connection, List<AttributedConversion> conversions) throws SQLException {
        Map<UUID, OrganizationScoring> organizations = OrganizationScoring.load(connection,
                conversions.stream().map(AttributedConversion::organizationId).distinct().toList());
        List<Award> awards = conversions.stream()
                .filter(c -> organizations.get(c.organizationId()).rule(ScoringAction.CONVERSION).points() > 0)
                .map(c -> new Award(c.organizationId(), c.memberId(), ScoringAction.CONVERSION, "conversion:" + c.id(),
                        c.shareId(), c.contentId(), c.clickId(), c.id(), c.attributedAt(), 0, null, null))
                .toList();
        if (awards.isEmpty()) {
            return null;
        }
        PointsLedger.award(connection, awards);
        return () -> Standings.byOrganization(awards).forEach(standings::changed);
    }
}
