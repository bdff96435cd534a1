package org.clearance.order;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The code standards an order uses, with the checks that keep bad codes out of screening. */
public final class Codes {

    /** ISO 3166-1 alpha-2, as shipped with the JDK. */
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** ISO 4217, as shipped with the JDK. */
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    /** Commerce Control List numbers (15 CFR 774, Supp. 1) with optional sub-paragraphs, or EAR99. */
    private static final Pattern ECCN = Pattern.compile("EAR99|[0-9][A-EY][0-9]{3}(\\.[a-z0-9.]+)?");
    /** Harmonized System codes: 6 internationally harmonised digits plus up to 4 national ones. */
    private static final Pattern HS = Pattern.compile("[0-9]{6,10}");
    /** CAS Registry Numbers: 2 to 7 digits, 2 digits, a check digit. */
    private static final Pattern CAS = Pattern.compile("([0-9]{2,7})-([0-9]{2})-([0-9])");
    /**
     * Authorisation references as authorities write them: licence numbers (D1234567, GB/SIEL/2024/123), general licence
     * and exception codes (OFAC:RU-GL6D, EAR:MED, EU:833-Art2(3)); letters of any script, digits and a few separators.
     */
    private static final Pattern AUTHORISATION_REFERENCE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ./:()#_-]*");
    /** Characters of an authorisation reference. */
    public static final int AUTHORISATION_REFERENCE_LENGTH = 64;
    /** Incoterms 2020 (ICC). */
    static final Set<String> INCOTERMS = Set.of("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF");

    private Codes() {
    }

    /**
     * Why {@code code} is not an ISO 3166-1 alpha-2 country code, with a hint for the usual mistakes (UK, EL, lower
     * case), or null when it is one. Also checks country query parameters, so that they accept what orders accept.
     */
    public static String countryProblem(String code) {
        if (COUNTRIES.contains(code)) {
            return null;
        }
        String hint = switch (code) {
            case "UK" -> " (the ISO code of the United Kingdom is GB)";
            case "EL" -> " (the ISO code of Greece is GR)";
            default -> code.length() == 2 && COUNTRIES.contains(code.toUpperCase(Locale.ROOT))
                    ? " (codes are upper case: " + code.toUpperCase(Locale.ROOT) + ")" : "";
        };
        return "unknown country code " + Printable.value(code) + "; expected ISO 3166-1 alpha-2" + hint;
    }

    /** Why {@code number} is not a CAS Registry Number, or null when it is one (format and check digit). */
    static String casProblem(String number) {
        var matcher = CAS.matcher(number);
        if (!matcher.matches()) {
            return "CAS number " + Printable.value(number) + " must look like 7440-21-3 (2 to 7 digits, 2 digits, a check digit)";
        }
        // CAS check digit: the other digits, read from the right, weighted 1, 2, 3, … and summed, modulo 10.
        String digits = matcher.group(1) + matcher.group(2);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(digits.length() - 1 - i) - '0') * (i + 1);
        }
        int check = matcher.group(3).charAt(0) - '0';
        return sum % 10 == check ? null
                : "CAS number " + Printable.value(number) + " has a wrong check digit (expected " + sum % 10 + "): a typing error?";
    }

    /** Why {@code reference} is not a usable authorisation reference, or null when it is one. */
    public static String authorisationReferenceProblem(String reference) {
        if (reference.length() > AUTHORISATION_REFERENCE_LENGTH) {
            return "is too long: " + reference.length() + " characters; at most " + AUTHORISATION_REFERENCE_LENGTH
                    + " are allowed";
        }
        if (!AUTHORISATION_REFERENCE.matcher(reference).matches()) {
            return "reference " + Printable.value(reference) + " must start with a letter or digit and hold only letters, "
                    + "digits, spaces and . / : ( ) # _ -";
        }
        return null;
    }

    public static boolean currency(String code) {
        return CURRENCIES.contains(code);
    }

    public static boolean eccn(String eccn) {
        return ECCN.matcher(eccn).matches();
    }

    /** Digits only: dots and spaces, as in "8542.31.00", are accepted and dropped. */
    public static String normaliseHs(String raw) {
        return raw.replace(".", "").replace(" ", "");
    }

    public static boolean hs(String normalised) {
        return HS.matcher(normalised).matches();
    }
}
