package org.clearance.streaming;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/** Refuses to start a streaming server without a broker address, rather than polling localhost:9092 for ever. */
@ApplicationScoped
class StreamingStartup {

    void check(@Observes StartupEvent started, StreamingConfig config) {
        if (!config.enabled()) {
            return;
        }
        String servers = ConfigProvider.getConfig().getOptionalValue("kafka.bootstrap.servers", String.class).orElse("");
        if (servers.isBlank()) {
            throw new IllegalStateException("clearance.streaming.enabled=true needs kafka.bootstrap.servers (host:port,...)");
        }
        Log.infof("Streaming orders from Kafka at %s", servers);
    }
}
