package io.chorus.conversions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import io.chorus.common.persistence.Jdbc;

/**
 * What conversions credited to a share, a member or an organization's range add up to: how many, and their value per
 * currency (values in different currencies are never added together). Only attributed conversions count.
 */
public record ConversionTotals(long conversions, Map<String, BigDecimal> conversionValue) {

    public static final ConversionTotals NONE = new ConversionTotals(0, Map.of());
    private static final String TOTALS = "select currency, count(*), sum(value) from conversions v"
            + " where v.organization_id = ? and v.status = 'attributed' and ";

    public static ConversionTotals ofShare(DataSource database, UUID organization, UUID share) {
        return of(Jdbc.rows(database, TOTALS + "v.share_id = ? group by currency", organization, share));
    }

    /** Each of these shares' totals, by share (a share without conversions is left out): one statement. */
    public static Map<UUID, ConversionTotals> ofShares(DataSource database, UUID organization, UUID[] shares) {
        Map<UUID, List<Object[]>> rows = new HashMap<>();
        for (Object[] row : Jdbc.rows(database,
                "select v.share_id, currency, count(*), sum(value) from conversions v where v.organization_id = ?"
                        + " and v.status = 'attributed' and v.share_id = any(?) group by v.share_id, currency",
                organization, shares)) {
            rows.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(Arrays.copyOfRange(row, 1, 4));
        }
        Map<UUID, ConversionTotals> totals = new HashMap<>();
        rows.forEach((share, its) -> totals.put(share, of(its)));
        return totals;
    }

    /** The conversions that occurred on these days of the zone, by members of the group (if any). */
    public static ConversionTotals inRange(DataSource database, UUID organization, LocalDate from, LocalDate to,
            String zone, UUID groupId) {
        return of(Jdbc.rows(database,
                TOTALS + """
                        v.occurred_at >= (?::date)::timestamp at time zone ? and v.occurred_at < (?::date + 1)::timestamp at time zone ?
                        and (?::uuid is null or exists (select 1 from group_memberships gm
                                                         where gm.organization_id = v.organization_id
                                                           and gm.member_id = v.member_id and gm.group_id = ?))
                        group by currency""",
                organization, from.toString(), zone, to.toString(), zone, groupId, groupId));
    }

    /** Rows of (currency, count, sum). */
    public static ConversionTotals of(List<Object[]> rows) {
        long count = 0;
        Map<String, BigDecimal> value = new TreeMap<>();
        for (Object[] row : rows) {
            count += ((Number) row[1]).longValue();
            if (row[0] != null) {
                BigDecimal sum = ((BigDecimal) row[2]).stripTrailingZeros();
                value.put((String) row[0], sum.scale() < 0 ? sum.setScale(0) : sum);
            }
        }
        return new ConversionTotals(count, value);
    }
}
