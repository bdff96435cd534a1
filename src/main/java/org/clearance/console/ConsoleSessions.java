package org.clearance.console;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditLog;
import org.clearance.config.ClearanceConfig;
import org.clearance.lists.FileHash;
import org.clearance.security.Actor;
import org.clearance.security.ApiKeyToken;
import org.clearance.security.ApiKeys;

/**
 * Console sign-in: an API key entered once, or the identity provider's login, opens a server-side session, and the
 * browser keeps only a random token in an HttpOnly cookie. Every request checks a key again, so revoking or expiring
 * a key ends its sessions at once. Sessions live in the database, so that every server of a deployment knows them.
 */
@ApplicationScoped
public class ConsoleSessions {

    /** How often a session's last-seen time is written: not on every page, which would write on every click. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeys keys;
    private final AuditLog audit;
    private final ClearanceConfig.Console settings;
    private final Clock clock = Clock.systemUTC();

    ConsoleSessions(ApiKeys keys, AuditLog audit, ClearanceConfig config) {
        this.keys = keys;
        this.audit = audit;
        this.settings = config.console();
    }

    /** A new session: the token for the cookie (never stored) and who signed in. */
    public record Opened(String token, Actor actor) {
    }

    /** A live session: who it is and the token its forms must send back. */
    public record Active(Actor actor, String csrfToken) {
    }

    /** Opens a session for the holder of {@code key}; empty when the key is unknown, revoked or expired. */
    @Transactional
    public Optional<Opened> open(ApiKeyToken key) {
        return keys.holder(key).map(holder -> open(holder.actor(), holder.keyRow()));
    }

    /**
     * Opens a session for someone the identity provider signed in. The provider is asked again only at the next
     * sign-in: the session keeps the roles it gave until it ends.
     */
    @Transactional
    public Opened open(Actor signedIn) {
        return open(signedIn, null);
    }

    private Opened open(Actor actor, UUID keyRow) {
        Instant now = now();
        ConsoleSession.delete("expiresAt < ?1", now);
        String token = randomToken();
        ConsoleSession session = new ConsoleSession();
        session.tokenHash = hash(token);
        session.apiKeyId = keyRow;
        session.principal = actor.name();
        session.roles = String.join(",", new TreeSet<>(actor.roles()));
        session.csrfToken = randomToken();
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(settings.sessionMaximum());
        session.persist();
        audit.append(actor, AuditAction.CONSOLE_SIGNED_IN, actor.name(), session.tokenHash);
        Log.infof("%s signed in to the console", actor.name());
        return new Opened(token, actor);
    }

    /** The live session of {@code token}; empty (and the session gone) once idle too long, past its end or its key unusable. */
    @Transactional
    public Optional<Active> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        ConsoleSession session = ConsoleSession.findById(hash(token));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = now();
        Optional<Actor> actor = session.apiKeyId == null
                ? Optional.of(new Actor(session.principal, session.roles.isEmpty() ? Set.of() : Set.of(session.roles.split(","))))
                : keys.usableKey(session.apiKeyId);
        if (actor.isEmpty() || !now.isBefore(session.expiresAt)
                || !now.isBefore(session.lastSeenAt.plus(settings.sessionIdle()))) {
            session.delete();
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt.plus(TOUCH_EVERY))) {
            session.lastSeenAt = now;
        }
        return Optional.of(new Active(actor.get(), session.csrfToken));
    }

    /** Ends the session of {@code token}, if it is still open. */
    @Transactional
    public void close(String token, Actor actor) {
        if (token != null && ConsoleSession.deleteById(hash(token))) {
            audit.append(actor, AuditAction.CONSOLE_SIGNED_OUT, actor.name(), hash(token));
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** 256 random bits, URL-safe: a session's token, a form's token. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return FileHash.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
