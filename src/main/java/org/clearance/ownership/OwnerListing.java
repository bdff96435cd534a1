package org.clearance.ownership;

/**
 * A list entry an owner matches, as the party matcher found it: which list and entry, whether the match is strong
 * (as for parties: score at or above {@code clearance.lists.strong-score} on a name not flagged weak), and the
 * match described for a finding.
 */
public record OwnerListing(String list, String sourceId, String entryName, boolean strong, String describe) {

    /** The entry for a chain, e.g. {@code US-OFAC-SDN T-SDN-1}. */
    public String reference() {
        return list + " " + sourceId;
    }
}
