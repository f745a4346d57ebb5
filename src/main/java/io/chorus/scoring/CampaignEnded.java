package io.chorus.scoring;

import java.time.Instant;
import java.util.UUID;

/** A campaign's end came (the campaign clock noted it); fired inside the transaction that noted it. */
public record CampaignEnded(UUID organizationId, UUID campaignId, String name, Instant startsAt, Instant endsAt) {
}
