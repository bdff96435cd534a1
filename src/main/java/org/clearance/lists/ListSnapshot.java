package org.clearance.lists;

import java.util.List;

/** Everything one reader produced from one file: the version metadata and the complete list of entries. */
public record ListSnapshot(ListVersion version, List<ListEntry> entries) {

    public ListSnapshot {
        entries = List.copyOf(entries);
        if (version.entryCount() != entries.size()) {
            throw new IllegalArgumentException("version entry count does not match entries");
        }
    }

    public static ListSnapshot of(ListFormat format, String sha256, java.time.LocalDate publishedOn,
                                  List<ListEntry> entries) {
        return new ListSnapshot(new ListVersion(format, sha256, publishedOn, entries.size()), entries);
    }
}
