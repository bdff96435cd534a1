package org.clearance.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How case events are sent to the registered webhook URLs (docs/cases.md#webhooks). */
@ConfigMapping(prefix = "clearance.webhooks")
public interface WebhooksConfig {

    /**
     * The HMAC-SHA256 key every delivery is signed with (at least 32 characters); from a secret store, never a file in
     * the repository. Without it no webhook can be registered.
     */
    Optional<String> secret();

    /** Attempts per delivery before it is marked failed. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt; each further failure doubles it, up to {@link #maxBackoff()}. */
    @WithDefault("PT10S")
    Duration initialBackoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /** Time a receiver has to answer one delivery. */
    @WithDefault("PT10S")
    Duration timeout();

    /** How often a running server looks for deliveries due. */
    @WithDefault("PT2S")
    Duration poll();
}
