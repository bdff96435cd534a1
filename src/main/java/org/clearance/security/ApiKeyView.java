package org.clearance.security;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** An API key as listed: everything but its secret. */
public record ApiKeyView(String name, String keyId, Set<String> roles, Instant createdAt, String createdBy,
                         LocalDate expiresOn, Instant revokedAt, String revokedBy, String status) {

    static ApiKeyView of(ApiKey key, LocalDate today) {
        String status = key.revokedAt != null ? "revoked" : key.usableOn(today) ? "active" : "expired";
        return new ApiKeyView(key.name, key.keyId, key.roleSet(), key.createdAt, key.createdBy, key.expiresOn,
                key.revokedAt, key.revokedBy, status);
    }
}
