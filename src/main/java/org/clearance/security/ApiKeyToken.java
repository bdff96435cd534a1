package org.clearance.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API key, {@code clr_<key id>_<secret>}: the {@code clr_} prefix lets secret scanners find leaked
 * keys, the key id (12 hex digits) finds the stored row, and the secret is 256 random bits in base64url.
 */
public record ApiKeyToken(String keyId, String secret) {

    /** What every key starts with; how a bearer value is told apart from a JWT. */
    public static final String PREFIX = "clr_";

    private static final Pattern SHAPE = Pattern.compile("clr_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new key with a fresh random id and secret. */
    static ApiKeyToken generate() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new ApiKeyToken(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key a bearer value holds, if it has the shape of one. */
    public static Optional<ApiKeyToken> parse(String text) {
        Matcher m = SHAPE.matcher(text == null ? "" : text.strip());
        return m.matches() ? Optional.of(new ApiKeyToken(m.group(1), m.group(2))) : Optional.empty();
    }

    public static boolean looksLikeKey(String bearer) {
        return bearer != null && bearer.startsWith(PREFIX);
    }

    /** The whole key as the user passes it. */
    public String text() {
        return PREFIX + keyId + "_" + secret;
    }

    String secretHash() {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Compares this key's secret with a stored hash in time independent of where they differ. */
    boolean matches(String storedHash) {
        return MessageDigest.isEqual(secretHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                storedHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return PREFIX + keyId + "_…"; // never the secret, e.g. in a log line
    }
}
