package org.clearance.lists;

import java.util.UUID;

/**
 * CDI event fired after an import committed a new active version, so whoever indexes the lists reloads them and open
 * orders the change affects are screened again. {@code previousVersion} is null for a source's first import.
 */
public record ListsChanged(String source, UUID previousVersion, UUID newVersion) {
}
