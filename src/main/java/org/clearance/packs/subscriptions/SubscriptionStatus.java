package org.clearance.packs.subscriptions;

import java.time.Instant;

/**
 * What one subscription did last, as the status endpoint and health show it. {@code source} is shown without
 * credentials; {@code lastError} is null after a successful poll, and says why otherwise (the download, the
 * signature, the checks, or the configuration itself); {@code proposed} waits for a rule author.
 */
public record SubscriptionStatus(String name, String source, String every, boolean autoActivate, Instant lastAttempt,
                                 Instant lastSuccess, String lastError, ProposedVersion proposed,
                                 ActivatedVersion activated) {

    static SubscriptionStatus configured(PackSubscription subscription) {
        return new SubscriptionStatus(subscription.name(), shown(subscription.source()), subscription.every().toString(),
                subscription.autoActivate(), null, null, null, null, null);
    }

    /** A subscription whose configuration cannot work: never polled, and the reason stays until it is fixed. */
    static SubscriptionStatus misconfigured(String name, String source, String problem) {
        return new SubscriptionStatus(name, source == null ? null : shown(source), null, false, null, null, problem,
                null, null);
    }

    SubscriptionStatus attempted(Instant at) {
        return new SubscriptionStatus(name, source, every, autoActivate, at, lastSuccess, lastError, proposed, activated);
    }

    SubscriptionStatus succeeded(Instant at) {
        return new SubscriptionStatus(name, source, every, autoActivate, lastAttempt, at, null, proposed, activated);
    }

    SubscriptionStatus failed(String error) {
        return new SubscriptionStatus(name, source, every, autoActivate, lastAttempt, lastSuccess, error, proposed, activated);
    }

    SubscriptionStatus proposing(ProposedVersion version) {
        return new SubscriptionStatus(name, source, every, autoActivate, lastAttempt, lastSuccess, lastError, version, activated);
    }

    /** Activated: the proposal, if it was this version or an older one, is done with. */
    SubscriptionStatus activating(ActivatedVersion version, boolean proposalDone) {
        return new SubscriptionStatus(name, source, every, autoActivate, lastAttempt, lastSuccess, lastError,
                proposalDone ? null : proposed, version);
    }

    private static String shown(String source) {
        return org.clearance.packs.BundleDownload.isUrl(source) ? org.clearance.packs.BundleDownload.shown(source) : source;
    }
}
