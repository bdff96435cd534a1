package org.clearance.packs.subscriptions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pack subscriptions, under {@code clearance.packs.} (docs/packs.md, "Subscribe"). Values are plain text and checked by
 * {@link PackSubscription#of}, not by the config system: a mistyped subscription is shown in health and the status
 * endpoint, and never stops the server from starting.
 */
@ConfigMapping(prefix = "clearance.packs")
public interface PackSubscriptionsConfig {

    /** Where subscriptions unpack the versions they pull: FOLDER/NAME/VERSION, as {@code packs pull} does under packs/. */
    @WithDefault("packs")
    String subscriptionFolder();

    /** Each subscription by its name: {@code clearance.packs.subscriptions.NAME.source=…}. */
    Map<String, Subscription> subscriptions();

    /** One publisher's pack, polled by {@code serve}. */
    interface Subscription {

        /** An https:// URL of a bundle (http:// only to this machine), a bundle file, or a folder of bundles (the newest is taken). */
        Optional<String> source();

        /** The publisher's public key files ({@code .pub}); a comma-separated list accepts several (key rotation). */
        Optional<List<String>> trust();

        /** How often to poll, e.g. {@code 6h}, {@code 30m}, {@code 1d}; at least one minute. */
        @WithDefault("6h")
        String every();

        /** Activate a version that passes its checks without waiting for a rule author (audited as the subscription). */
        @WithDefault("false")
        String autoActivate();
    }
}
