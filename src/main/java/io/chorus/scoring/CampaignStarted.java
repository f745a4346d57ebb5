package io.chorus.scoring;

import java.time.Instant;
import java.util.UUID;

/** A campaign's start came (the campaign clock noted it); fired inside the transaction that noted it. */
public record CampaignStarted(UUID organizationId, UUID campaignId, String name, Instant startsAt, Instant endsAt) {
}
