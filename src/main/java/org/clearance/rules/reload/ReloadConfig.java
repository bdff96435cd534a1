package org.clearance.rules.reload;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Hot reload and pack validation settings, under {@code clearance.reload.} (application.properties or env vars). */
@ConfigMapping(prefix = "clearance.reload")
public interface ReloadConfig {

    /** Whether {@code serve} watches the rules directory and reloads the pack when a file changes. */
    @WithDefault("true")
    boolean watch();

    /** Quiet time after the last change before a reload starts: an editor or a git checkout writes several files. */
    @WithDefault("500ms")
    Duration debounce();

    /** Largest body, in bytes, that POST /api/v1/rules/validate accepts (a zip or a single file). */
    @WithDefault("4194304")
    int maxUploadBytes();

    /** Largest total size, in bytes, of the files a validated zip unpacks to (guards against zip bombs). */
    @WithDefault("67108864")
    long maxUnpackedBytes();

    /** Most entries a validated zip may hold. */
    @WithDefault("5000")
    int maxZipEntries();

    /**
     * Time budget for a candidate pack's rule tests (validate, reload, {@code rules test}) and for the
     * screenings of {@code rules diff}: a rule that never finishes fails the check when it is spent.
     */
    @WithDefault("120s")
    Duration checkTimeout();
}
