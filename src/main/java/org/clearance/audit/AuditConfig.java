package org.clearance.audit;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Audit trail settings. */
@ConfigMapping(prefix = "clearance.audit")
public interface AuditConfig {

    /** PKCS#8 PEM Ed25519 private key that signs export anchors ({@code clearance audit keygen FILE}); none: unsigned. */
    Optional<String> signingKey();
}
