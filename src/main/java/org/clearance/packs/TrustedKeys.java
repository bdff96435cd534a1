package org.clearance.packs;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The publisher keys a subscriber accepts bundles from, by key id; each remembers where it came from, for messages. */
public final class TrustedKeys {

    /** One trusted key and what to call it (its file name). */
    public record TrustedKey(String keyId, String label, PublicKey key) {
    }

    private final Map<String, TrustedKey> byId = new LinkedHashMap<>();

    private TrustedKeys(List<TrustedKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted key is required");
        }
        keys.forEach(k -> byId.putIfAbsent(k.keyId(), k));
    }

    /** Reads {@code .pub} files; a {@link PackKeyException} names a file that is missing or not a public key. */
    public static TrustedKeys read(List<Path> publicKeyFiles) {
        return new TrustedKeys(publicKeyFiles.stream()
                .map(file -> {
                    PublicKey key = PackKeys.readPublic(file);
                    PackKeys.algorithm(key);
                    return new TrustedKey(PackKeys.keyId(key), file.getFileName().toString(), key);
                })
                .toList());
    }

    public static TrustedKeys of(PublicKey... keys) {
        return new TrustedKeys(java.util.Arrays.stream(keys)
                .map(key -> new TrustedKey(PackKeys.keyId(key), PackKeys.keyId(key), key)).toList());
    }

    /** The trusted key with this id, or null. */
    public TrustedKey find(String keyId) {
        return keyId == null ? null : byId.get(keyId);
    }

    public List<TrustedKey> all() {
        return List.copyOf(byId.values());
    }
}
