package org.clearance.streaming;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Kafka streaming settings, under {@code clearance.streaming.}; topics and client settings are the mp.messaging keys. */
@ConfigMapping(prefix = "clearance.streaming")
public interface StreamingConfig {

    /** Whether {@code serve} screens orders from Kafka (needs {@code kafka.bootstrap.servers}); CLI commands never do. */
    @WithDefault("false")
    boolean enabled();
}
