package org.clearance.ownership;

/** What an ownership import did: {@code changed} false when the file is the one already active. */
public record OwnershipImportResult(boolean changed, String sha256, int rows, long entities) {
}
