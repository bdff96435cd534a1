package org.clearance.order;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The code standards an order uses, with the checks that keep bad codes out of screening. */
final class Codes {

    /** ISO 3166-1 alpha-2, as shipped with the JDK. */
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** ISO 4217, as shipped with the JDK. */
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    /** Commerce Control List numbers (15 CFR 774, Supp. 1) with optional sub-paragraphs, or EAR99. */
    private static final Pattern ECCN = Pattern.compile("EAR99|[0-9][A-EY][0-9]{3}(\\.[a-z0-9.]+)?");
    /** Harmonized System codes: 6 internationally harmonised digits plus up to 4 national ones. */
    private static final Pattern HS = Pattern.compile("[0-9]{6,10}");
    /** Incoterms 2020 (ICC). */
    static final Set<String> INCOTERMS = Set.of("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF");

    private Codes() {
    }

    static String countryProblem(String code) {
        if (COUNTRIES.contains(code)) {
            return null;
        }
        String hint = switch (code) {
            case "UK" -> " (the ISO code of the United Kingdom is GB)";
            case "EL" -> " (the ISO code of Greece is GR)";
            default -> code.length() == 2 && COUNTRIES.contains(code.toUpperCase(Locale.ROOT))
                    ? " (codes are upper case: " + code.toUpperCase(Locale.ROOT) + ")" : "";
        };
        return "unknown country code '" + code + "'; expected ISO 3166-1 alpha-2" + hint;
    }

    static boolean currency(String code) {
        return CURRENCIES.contains(code);
    }

    static boolean eccn(String eccn) {
        return ECCN.matcher(eccn).matches();
    }

    /** Digits only: dots and spaces, as in "8542.31.00", are accepted and dropped. */
    static String normaliseHs(String raw) {
        return raw.replace(".", "").replace(" ", "");
    }

    static boolean hs(String normalised) {
        return HS.matcher(normalised).matches();
    }
}
