package org.clearance.facts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identifier schemes Clearance matches exactly, with the shape each standard gives its values. INN, OGRN, VAT,
 * tax and registration numbers are one family when matching: publishers file the same number under different labels
 * (a Russian INN is a "Tax ID No." for OFAC, a "Business registration number" on the UK list).
 */
public enum IdentifierType {
    /** IMO ship identification number (IMO Resolution A.1078(28)): 7 digits, the last a check digit. */
    IMO("an IMO number: 7 digits, the last a check digit (e.g. 9187629)", "\\d{7}", Family.IMO),
    /** Legal Entity Identifier (ISO 17442): 20 letters and digits, ISO 7064 MOD 97-10 check digits. */
    LEI("an LEI (ISO 17442): 20 letters and digits with valid check digits", "[A-Z0-9]{18}\\d{2}", Family.LEI),
    /** Business Identifier Code (ISO 9362): bank, country, location and optional branch. */
    SWIFT_BIC("a SWIFT/BIC (ISO 9362): 8 or 11 letters and digits (e.g. RUAGRUMM)",
            "[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?", Family.BIC),
    /** EU VAT identification number: the Member State prefix (EL for Greece) and up to 12 more characters. */
    VAT("a VAT number: a 2-letter country prefix and 2 to 13 letters or digits (e.g. DE123456789)",
            "[A-Z]{2}[A-Z0-9+*]{2,13}", Family.NATIONAL),
    /** Russian taxpayer identification number (INN): 10 digits for an organisation, 12 for an individual. */
    INN("an INN: 10 digits (organisation) or 12 (individual)", "\\d{10}|\\d{12}", Family.NATIONAL),
    /** Russian primary state registration number: OGRN 13 digits, OGRNIP 15. */
    OGRN("an OGRN: 13 digits, or 15 for an OGRNIP", "\\d{13}|\\d{15}", Family.NATIONAL),
    /** Any other tax identification number. */
    TAX_ID("a tax number: 5 to 30 letters or digits", "[A-Z0-9]{5,30}", Family.NATIONAL),
    /** A company or other registration number of a national register. */
    REGISTRATION("a registration number: 5 to 30 letters or digits", "[A-Z0-9]{5,30}", Family.NATIONAL);

    /** Values of one family are compared with each other. */
    public enum Family { IMO, LEI, BIC, NATIONAL }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/]");

    private final String expected;
    private final Pattern shape;
    private final Family family;

    IdentifierType(String expected, String shape, Family family) {
        this.expected = expected;
        this.shape = Pattern.compile(shape);
        this.family = family;
    }

    public Family family() {
        return family;
    }

    /** What a valid value looks like, for error messages. */
    public String expected() {
        return expected;
    }

    /** Upper case without spaces, dots, dashes or slashes; an IMO number without its "IMO" prefix. */
    public String normalise(String value) {
        String compact = SEPARATORS.matcher(value.strip().toUpperCase(Locale.ROOT)).replaceAll("");
        return this == IMO && compact.startsWith("IMO") ? compact.substring(3) : compact;
    }

    /** True when a normalised value has this scheme's shape and, for IMO and LEI, a correct check digit. */
    public boolean valid(String normalised) {
        if (!shape.matcher(normalised).matches()) {
            return false;
        }
        return switch (this) {
            case IMO -> imoCheckDigit(normalised);
            case LEI -> leiCheckDigits(normalised);
            default -> true;
        };
    }

    /** The scheme an order names: the enum name in any case ("imo", "swift_bic"); "bic", "swift" also name SWIFT_BIC. */
    public static Optional<IdentifierType> named(String name) {
        String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace('/', '_');
        if (key.equals("BIC") || key.equals("SWIFT")) {
            return Optional.of(SWIFT_BIC);
        }
        for (IdentifierType type : values()) {
            if (type.name().equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The scheme of an identifier as a publisher labels it (OFAC "Tax ID No.", EU "regnumber", UK "IMO"), or empty
     * for identifiers Clearance does not match on (passports, national ID cards, MMSI, D-U-N-S).
     */
    public static Optional<IdentifierType> ofListLabel(String label, String number) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.contains("imo") || (l.contains("vessel registration") && number.strip().toUpperCase(Locale.ROOT).startsWith("IMO"))) {
            return Optional.of(IMO);
        }
        if (l.contains("legal entity") || l.equals("lei")) {
            return Optional.of(LEI);
        }
        if (l.contains("swift") || l.contains("bic")) {
            return Optional.of(SWIFT_BIC);
        }
        if (l.contains("v.a.t") || l.matches(".*\\bvat\\b.*")) {
            return Optional.of(VAT);
        }
        if (l.matches(".*\\binn\\b.*")) {
            return Optional.of(INN);
        }
        if (l.contains("ogrn")) {
            return Optional.of(OGRN);
        }
        if (l.contains("tax")) {
            return Optional.of(TAX_ID);
        }
        if (l.contains("registration") || l.contains("regnumber") || l.contains("company number")
                || l.contains("commercial registry")) {
            return Optional.of(REGISTRATION);
        }
        return Optional.empty();
    }

    /** IMO Resolution A.1078(28): digits 1-6 weighted 7 to 2, the sum's last digit is digit 7. */
    private static boolean imoCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (digits.charAt(i) - '0') * (7 - i);
        }
        return sum % 10 == digits.charAt(6) - '0';
    }

    /** ISO 7064 MOD 97-10 over letters as 10..35: the remainder must be 1. */
    private static boolean leiCheckDigits(String lei) {
        int remainder = 0;
        for (char c : lei.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }
}
