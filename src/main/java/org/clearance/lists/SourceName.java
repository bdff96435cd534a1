package org.clearance.lists;

import java.util.regex.Pattern;

/** A source name as used on the command line and in URLs: 1–64 letters, digits, '-', '_' or '.'. */
public final class SourceName {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private SourceName() {
    }

    public static String require(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new InvalidListRequestException("source name must be 1-64 letters, digits, '-', '_' or '.', got '" + name + "'");
        }
        return name;
    }
}
