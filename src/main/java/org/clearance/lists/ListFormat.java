package org.clearance.lists;

/** The closed set of list file formats Clearance can import; each has exactly one {@link ListReader}. */
public enum ListFormat {
    /** OFAC SDN legacy files sdn.csv, add.csv, alt.csv, sdn_comments.csv (no header). */
    OFAC_SDN_CSV,
    /** OFAC non-SDN consolidated list, same layout: cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv. */
    OFAC_CONSOLIDATED_CSV,
    /** trade.gov Consolidated Screening List CSV (29 columns with {@code _id}; the older 28-column file also reads). */
    US_CSL_CSV,
    /** trade.gov Consolidated Screening List API JSON, a {@code results} array. */
    US_CSL_JSON,
    /** BIS Denied Persons List, tab-separated with header. */
    BIS_DPL_TXT,
    /** EU Financial Sanctions File, XML 1.1. */
    EU_FSF_XML,
    /** FCDO UK Sanctions List CSV (banner line, then 58-column header, one row per name). */
    UK_SANCTIONS_LIST_CSV,
    /** Text of a METI/MOFA specified-entities notice (Japanese + English names, 所在地 addresses). */
    JP_METI_TEXT,
    /** Internal list kept by the exporter: CSV with header name, aliases, country, address, reason. */
    CUSTOM_CSV
}
