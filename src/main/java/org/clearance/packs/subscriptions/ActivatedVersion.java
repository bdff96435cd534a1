package org.clearance.packs.subscriptions;

import java.time.Instant;

/** The last version of a subscription that was activated: which, as which pack hash, by whom and when. */
public record ActivatedVersion(String version, String rulePack, long activation, String activatedBy, Instant activatedAt) {
}
