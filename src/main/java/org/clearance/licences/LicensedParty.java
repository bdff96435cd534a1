package org.clearance.licences;

/** A party a licence names (its holder, a consignee, an end user): name and ISO 3166-1 alpha-2 country. */
public record LicensedParty(String name, String country) {

    @Override
    public String toString() {
        return name + " (" + country + ")";
    }
}
