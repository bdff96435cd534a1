package org.clearance.facts;

import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Helpers for finding messages: stable, readable lists whatever order the engine collected them in. */
public final class Text {

    private Text() {
    }

    /** The distinct items, sorted and joined with "; ". */
    public static String list(Collection<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining("; "));
    }
}
