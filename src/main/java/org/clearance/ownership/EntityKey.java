package org.clearance.ownership;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How an entity name of the ownership file is looked up: Unicode NFKC, lower case, single spaces. Deliberately
 * literal, like a dismissal's party key: the file names the entity as the exporter's orders do.
 */
public final class EntityKey {

    private EntityKey() {
    }

    public static String of(String name) {
        return Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
