package org.clearance.parties;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a dismissal recognises "the same order party" again: the name in NFKC, lower case, with spaces collapsed,
 * plus the ISO country. Deliberately literal: a differently spelt party is screened afresh.
 */
public final class PartyKey {

    private PartyKey() {
    }

    public static String of(String name, String country) {
        String normal = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        return normal + "|" + (country == null ? "" : country.strip().toUpperCase(Locale.ROOT));
    }
}
