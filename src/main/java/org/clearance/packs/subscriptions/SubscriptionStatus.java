package org.clearance.packs.subscriptions;

import java.time.Instant;

/**
 * What one subscription did last, as the status endpoint and health show it. {@code source} is shown without
 * credentials; {@code lastError} is null after a successful poll, and says why otherwise (the download, the
 * signature, the checks, or the configuration itself), {@code lastErrorKind} at which step; {@code proposed} waits
 * for a rule author.
 */
public record SubscriptionStatus(String name, String source, String every, boolean autoActivate, Instant lastAttempt,
                                 Instant lastSuccess, String lastError, FailureKind lastErrorKind,
                                 ProposedVersion proposed, ActivatedVersion activated) {

    static SubscriptionStatus configured(PackSubscription subscription) {
        return new SubscriptionStatus(subscription.name(), shown(subscription.source()), subscription.every().toString(),
                subscription.autoActivate(), null, null, null, null, null, null);
    }

    /** A subscription whose configuration cannot work: never polled, and the reason stays until it is fixed. */
    static SubscriptionStatus misconfigured(String name, String source, String problem) {
        return new SubscriptionStatus(name, source == null ? null : shown(source), null, false, null, null, problem,
                FailureKind.CONFIGURATION, null, null);
    }

    SubscriptionStatus attempted(Instant at) {
        return new SubscriptionStatus(name, source, every, autoActivate, at, lastSuccess, lastError, lastErrorKind, proposed,
                activated);
    }

    SubscriptionStatus succeeded(Instant at) {
        return new SubscriptionStatus(name, source, every, autoActivate, lastAttempt, at, null, null, proposed, activated);
    }

    SubscriptionStatus failed(FailureKind kind, String error) {
        return new SubscriptionStatus(name, source, every, autoActivate, lastAttempt, lastSuccess, error, kind, proposed,
                activated);
    }

    SubscriptionStatus proposing(ProposedVersion version) {
        return new SubscriptionStatus(name, source, every, autoActivate, lastAttempt, lastSuccess, lastError, lastErrorKind,
                version, activated);
    }

    /** Activated: the proposal, if it was this version or an older one, is done with. */
    SubscriptionStatus activating(ActivatedVersion version, boolean proposalDone) {
        return new SubscriptionStatus(name, source, every, autoActivate, lastAttempt, lastSuccess, lastError, lastErrorKind,
                proposalDone ? null : proposed, version);
    }

    private static String shown(String source) {
        return org.clearance.packs.BundleDownload.isUrl(source) ? org.clearance.packs.BundleDownload.shown(source) : source;
    }
}
