package org.clearance.parties;

import org.clearance.lists.ListEntry;

/** An entry of an active list version with where it came from: the source (feed), the version label and its content hash. */
public record ListedEntry(ListEntry entry, String feed, String version, String contentHash) {
}
