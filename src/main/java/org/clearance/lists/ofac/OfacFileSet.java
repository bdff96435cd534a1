package org.clearance.lists.ofac;

import org.clearance.lists.ListFormat;

/**
 * The two OFAC publications that share the legacy four-file CSV layout; they differ only in file names
 * and in the list they designate.
 */
public enum OfacFileSet {
    SDN(ListFormat.OFAC_SDN_CSV, "US-OFAC-SDN", "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"),
    CONSOLIDATED(ListFormat.OFAC_CONSOLIDATED_CSV, "US-OFAC-NONSDN",
            "cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv");

    private final ListFormat format;
    private final String source;
    private final String main;
    private final String addresses;
    private final String aliases;
    private final String comments;

    OfacFileSet(ListFormat format, String source, String main, String addresses, String aliases, String comments) {
        this.format = format;
        this.source = source;
        this.main = main;
        this.addresses = addresses;
        this.aliases = aliases;
        this.comments = comments;
    }

    public ListFormat format() { return format; }
    public String source() { return source; }
    public String mainFile() { return main; }
    public String addressFile() { return addresses; }
    public String aliasFile() { return aliases; }
    public String commentFile() { return comments; }
}
