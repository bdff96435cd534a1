package org.clearance.lists;

/**
 * Derives an id for sources that publish none (BIS DPL, custom lists) from the record's own content, so the
 * id survives re-ordering of the file; a changed record gets a new id, which is what an audit trail wants.
 */
public final class StableId {

    private StableId() {
    }

    public static String of(String... parts) {
        String joined = String.join("\u001F", java.util.Arrays.stream(parts)
                .map(p -> p == null ? "" : Text.collapseSpaces(p).toUpperCase(java.util.Locale.ROOT)).toList());
        return FileHash.sha256(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    }
}
