package org.clearance.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A stored API key: its public id, the SHA-256 of its secret (never the secret), its roles and its life. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String name;

    @Column(name = "key_id", nullable = false, length = 32)
    public String keyId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    public String secretHash;

    /** Comma-separated role names. */
    @Column(nullable = false, length = 1000)
    public String roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** Last day the key is accepted (UTC); null for no end. */
    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    Set<String> roleSet() {
        return new TreeSet<>(Arrays.asList(roles.split(",")));
    }

    boolean usableOn(LocalDate today) {
        return revokedAt == null && (expiresOn == null || !today.isAfter(expiresOn));
    }
}
