package org.clearance.console;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signed-in browser: the SHA-256 of its cookie's token, who it stands for, and its life. */
@Entity
@Table(name = "console_session")
public class ConsoleSession extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    /** The API key signed in with; null for a session opened through the identity provider. */
    @Column(name = "api_key_id")
    public UUID apiKeyId;

    /** Who: the key's principal ({@code key:<name>}) or the provider's. */
    @Column(nullable = false, length = 255)
    public String principal;

    /** Comma-separated roles at sign-in; a key's current roles replace them on every request. */
    @Column(nullable = false, length = 1000)
    public String roles;

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
