package org.clearance.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearance.rules.guard.RulePackGuard;
import org.kie.api.KieBase;

/**
 * The last few compiled KieBases, by the exact text that was compiled: a process that loads one pack again (a
 * command after another in one JVM, a server following an activation of a pack it ran before, the test suite) does
 * not compile it again. The text is screened by the allow-list on every load all the same; only a pack whose text and
 * compiled classes passed is kept. A KieBase is shared read-only: mutation testing, which swaps rules in place,
 * compiles a KieBase of its own ({@link RulePackLoader#loadUnshared}).
 */
final class CompiledPacks {

    /** A few packs, not more: each holds the compiled classes of every rule. */
    private static final int KEPT = 3;

    private static final Map<String, KieBase> BASES = new LinkedHashMap<>(KEPT + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KieBase> eldest) {
            return size() > KEPT;
        }
    };

    private CompiledPacks() {
    }

    /** The key of exactly these sources (file names and text, in order). */
    static String key(Collection<RulePackGuard.Source> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RulePackGuard.Source source : sources) {
                digest.update(source.file().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(source.drl().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static synchronized KieBase get(String key) {
        return BASES.get(key);
    }

    static synchronized void put(String key, KieBase base) {
        BASES.put(key, base);
    }
}
