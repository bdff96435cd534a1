package org.clearance.security;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditLog;
import org.clearance.audit.CanonicalJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Creates, lists, revokes and checks API keys. Creation and revocation are one method each, so that each is one
 * recorded action; a key's secret exists only in the value {@link #create} returns.
 */
@ApplicationScoped
public class ApiKeys {

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Clock clock = Clock.systemUTC();
    private final AuditLog audit;

    ApiKeys(AuditLog audit) {
        this.audit = audit;
    }

    /** What the audit record of a key hashes: its public facts (never the secret or its hash). */
    private static String contentHash(ApiKey key) {
        com.fasterxml.jackson.databind.node.ObjectNode node = CanonicalJson.object();
        node.put("name", key.name);
        node.put("key_id", key.keyId);
        node.put("roles", key.roles);
        node.put("created_at", key.createdAt.toString());
        node.put("created_by", key.createdBy);
        if (key.expiresOn != null) {
            node.put("expires_on", key.expiresOn.toString());
        }
        if (key.revokedAt != null) {
            node.put("revoked_at", key.revokedAt.toString());
            node.put("revoked_by", key.revokedBy);
        }
        return CanonicalJson.sha256(node);
    }

    /** Creates a key for {@code roles}, valid up to and including {@code expiresOn} (UTC) when given. */
    public CreatedApiKey create(String name, Collection<String> roles, LocalDate expiresOn, Actor by) {
        String checkedName = name == null ? "" : name.strip();
        if (!NAME.matcher(checkedName).matches()) {
            throw new ApiKeyException("/name", "a key name is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit", false);
        }
        if (roles == null || roles.isEmpty()) {
            throw new ApiKeyException("/roles", "a key needs at least one role, of " + new TreeSet<>(Roles.ALL), false);
        }
        TreeSet<String> checkedRoles = new TreeSet<>();
        for (String role : roles) {
            String r = role == null ? "" : role.strip();
            if (!Roles.ALL.contains(r)) {
                throw new ApiKeyException("/roles", "unknown role '" + role + "', expected one of " + new TreeSet<>(Roles.ALL), false);
            }
            checkedRoles.add(r);
        }
        LocalDate today = LocalDate.now(clock);
        if (expiresOn != null && expiresOn.isBefore(today)) {
            throw new ApiKeyException("/expires_on", "the expiry date " + expiresOn + " is in the past", false);
        }
        ApiKeyToken token = ApiKeyToken.generate();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.name = checkedName;
        key.keyId = token.keyId();
        key.secretHash = token.secretHash();
        key.roles = String.join(",", checkedRoles);
        key.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        key.createdBy = by.name();
        key.expiresOn = expiresOn;
        QuarkusTransaction.requiringNew().run(() -> {
            if (ApiKey.count("lower(name) = ?1", checkedName.toLowerCase(java.util.Locale.ROOT)) > 0) {
                throw new ApiKeyException("/name", "a key named '" + checkedName + "' exists already (names are never reused, "
                        + "so that records stay unambiguous)", false);
            }
            key.persist();
            audit.append(by, AuditAction.API_KEY_CREATED, key.name, contentHash(key));
        });
        Log.infof("API key %s created by %s with roles %s", key.name, by.name(), key.roles);
        return new CreatedApiKey(ApiKeyView.of(key, today), token.text());
    }

    /** Revokes the key named {@code name}: it stops working at once; its row stays as history. */
    public ApiKeyView revoke(String name, Actor by) {
        ApiKeyView view = QuarkusTransaction.requiringNew().call(() -> {
            ApiKey key = ApiKey.<ApiKey>find("name", name == null ? "" : name.strip()).firstResultOptional()
                    .orElseThrow(() -> new ApiKeyException("name", "no API key named '" + name + "'", true));
            if (key.revokedAt == null) {
                key.revokedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
                key.revokedBy = by.name();
                audit.append(by, AuditAction.API_KEY_REVOKED, key.name, contentHash(key));
            }
            return ApiKeyView.of(key, LocalDate.now(clock));
        });
        Log.infof("API key %s revoked by %s", view.name(), by.name());
        return view;
    }

    /** Every key ever created, newest first, without secrets. */
    public List<ApiKeyView> list() {
        LocalDate today = LocalDate.now(clock);
        return QuarkusTransaction.joiningExisting().call(() -> ApiKey.<ApiKey>listAll(io.quarkus.panache.common.Sort.descending("createdAt"))
                .stream().map(k -> ApiKeyView.of(k, today)).toList());
    }

    /** Whether any key could be used today; without one (and without OIDC) nobody can call the API. */
    public boolean anyUsable() {
        LocalDate today = LocalDate.now(clock);
        return QuarkusTransaction.joiningExisting().call(() -> ApiKey.<ApiKey>list("revokedAt is null").stream()
                .anyMatch(k -> k.usableOn(today)));
    }

    /** The actor a presented key stands for, if it is a known, unrevoked, unexpired key with the right secret. */
    public Optional<Actor> authenticate(ApiKeyToken token) {
        LocalDate today = LocalDate.now(clock);
        return QuarkusTransaction.joiningExisting().call(() -> ApiKey.<ApiKey>find("keyId", token.keyId()).firstResultOptional())
                .filter(key -> token.matches(key.secretHash))
                .filter(key -> key.usableOn(today))
                .map(key -> new Actor(principal(key.name), key.roleSet()));
    }

    /** A usable key's row id and the actor it stands for: what a console session remembers instead of the key. */
    public record Holder(UUID keyRow, Actor actor) {
    }

    /** Like {@link #authenticate}, with the key's row id, so that a session can check the key again later. */
    public Optional<Holder> holder(ApiKeyToken token) {
        LocalDate today = LocalDate.now(clock);
        return QuarkusTransaction.joiningExisting().call(() -> ApiKey.<ApiKey>find("keyId", token.keyId()).firstResultOptional())
                .filter(key -> token.matches(key.secretHash))
                .filter(key -> key.usableOn(today))
                .map(key -> new Holder(key.id, new Actor(principal(key.name), key.roleSet())));
    }

    /** The actor of the key with row id {@code keyRow}, while it is neither revoked nor expired. */
    public Optional<Actor> usableKey(UUID keyRow) {
        LocalDate today = LocalDate.now(clock);
        return QuarkusTransaction.joiningExisting().call(() -> ApiKey.<ApiKey>findByIdOptional(keyRow))
                .filter(key -> key.usableOn(today))
                .map(key -> new Actor(principal(key.name), key.roleSet()));
    }

    /** The principal name of a key's requests, as recorded on what they do. */
    static String principal(String keyName) {
        return "key:" + keyName;
    }
}
