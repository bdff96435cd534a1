package org.clearance.lists;

import java.time.LocalDate;

/**
 * Which file an import read: format, SHA-256 of its bytes (of all files, in reading order, for multi-file
 * formats), the publication date printed in the file if it has one (otherwise {@code null}) and the entry count.
 */
public record ListVersion(ListFormat format, String sha256, LocalDate publishedOn, int entryCount) {

    public ListVersion {
        if (format == null) {
            throw new IllegalArgumentException("format must be set");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (entryCount < 0) {
            throw new IllegalArgumentException("entryCount must not be negative");
        }
    }
}
