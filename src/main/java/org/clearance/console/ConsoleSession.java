package org.clearance.console;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signed-in browser: the SHA-256 of its cookie's token, the API key it stands for, and its life. */
@Entity
@Table(name = "console_session")
public class ConsoleSession extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @Column(name = "api_key_id", nullable = false)
    public UUID apiKeyId;

    @Column(name = "csrf_token", nullable = false, length = 64)
    public String csrfToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    /** The latest end: sign-in time plus the maximum session length. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
