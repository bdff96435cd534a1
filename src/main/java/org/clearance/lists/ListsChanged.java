package org.clearance.lists;

/** CDI event fired after an import committed a new active version, so whoever indexes the lists reloads them. */
public record ListsChanged(String source) {
}
