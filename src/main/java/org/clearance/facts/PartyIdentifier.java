package org.clearance.facts;

/**
 * An identifier an order gives for a party, normalised ({@link IdentifierType#normalise}) and checked against its
 * scheme; {@code country} (ISO 3166-1 alpha-2, optional) is the issuing state. An exact match with a list entry's
 * identifier of the same family is a match whatever the names say.
 */
public record PartyIdentifier(IdentifierType type, String value, String country) {

    public PartyIdentifier {
        if (type == null || value == null) {
            throw new IllegalArgumentException("an identifier needs a type and a value");
        }
        value = type.normalise(value);
        if (!type.valid(value)) {
            throw new IllegalArgumentException(value + " is not " + type.expected());
        }
    }

    /** What is compared: the family and the value; a SWIFT/BIC by its first 8 characters (the institution). */
    public String matchKey() {
        return matchKey(type, value);
    }

    public static String matchKey(IdentifierType type, String normalised) {
        String compared = type == IdentifierType.SWIFT_BIC ? normalised.substring(0, 8) : normalised;
        return type.family() + ":" + compared;
    }

    /** The issuing state: {@code country}, else what the scheme implies (RU for INN and OGRN; a VAT number's prefix is part of its value). */
    public String issuer() {
        if (country != null) {
            return country;
        }
        return switch (type) {
            case INN, OGRN -> "RU";
            default -> null;
        };
    }

    /** For a finding: "IMO 9187629". */
    public String label() {
        return type.name() + " " + value;
    }
}
