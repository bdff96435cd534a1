package org.clearance.rules;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.clearance.config.ClearanceConfig;

/**
 * Holds the active rule pack. The pack is compiled on first use (the server loads it before it
 * serves); a failed load leaves the previous pack, if any, in place.
 */
@ApplicationScoped
public class RulePackRegistry {

    private final ClearanceConfig config;
    private volatile RulePack current;

    RulePackRegistry(ClearanceConfig config) {
        this.config = config;
    }

    /** The active pack, loading the configured directory the first time. */
    public RulePack current() {
        RulePack pack = current;
        if (pack == null) {
            synchronized (this) {
                if (current == null) {
                    load(configuredDirectory());
                }
                pack = current;
            }
        }
        return pack;
    }

    /** Compiles {@code directory} and makes it the active pack; throws and changes nothing if it is invalid. */
    public synchronized RulePack load(Path directory) {
        RulePack pack = RulePackLoader.load(directory);
        current = pack;
        Log.infof("Rule pack %s loaded from %s: %d rules, %d data files", pack.shortHash(), directory,
                pack.rules().size(), pack.dataSets().size());
        return pack;
    }

    public boolean loaded() {
        return current != null;
    }

    public Path configuredDirectory() {
        return Path.of(config.rules().directory());
    }
}
