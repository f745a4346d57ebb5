package io.chorus.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.chorus.content.Network;

/**
 * What every letter of an organization shares, read once per run: its name, zone and networks, everyone's points this
 * month (for the members' ranks) and the campaigns ending soon.
 */
public record LetterContext(UUID organizationId, String organization, ZoneId zone, List<Network> networks, Instant now,
        Map<UUID, Long> monthPoints, long[] listedPointsDescending, List<Ending> endings) {

    /** A running campaign that ends soon, with its target groups (none: everyone). */
    public record Ending(String name, Instant endsAt, Set<UUID> groupIds) {
        boolean concerns(Recipient recipient) {
            return groupIds.isEmpty() || groupIds.stream().anyMatch(recipient.groupIds()::contains);
        }
    }

    /** The member's points this month and rank: one plus the listed members with more points. */
    public Letters.Standing standing(UUID memberId) {
        long points = monthPoints.getOrDefault(memberId, 0L);
        int ahead = 0;
        int low = 0;
        int high = listedPointsDescending.length;
        while (low < high) { // the first index whose points are not above the member's
            int middle = (low + high) >>> 1;
            if (listedPointsDescending[middle] > points) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        ahead = low;
        return new Letters.Standing(points, ahead + 1L);
    }

    static long[] descending(Map<UUID, Long> listed) {
        long[] points = listed.values().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(points);
        for (int i = 0, j = points.length - 1; i < j; i++, j--) {
            long swap = points[i];
            points[i] = points[j];
            points[j] = swap;
        }
        return points;
    }
}
