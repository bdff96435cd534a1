package org.clearance.lists;

import java.util.Locale;

/** An import would drop more of the active version's entries than allowed; nothing was imported. */
public class ListShrinkRefusedException extends RuntimeException {

    public ListShrinkRefusedException(String source, long dropped, int active, int incoming, double maxShare) {
        super(String.format(Locale.ROOT, "The new file for %s has %d entries: %d fewer than the %d entries of the "
                        + "active version (%.0f %%), more than the %.0f %% allowed (clearance.lists.max-shrink-share); "
                        + "nothing was imported. If the list really shrank, import again with --allow-shrink "
                        + "(API: ?allow_shrink=true).",
                source, incoming, dropped, active, 100.0 * dropped / active, 100 * maxShare));
    }
}
