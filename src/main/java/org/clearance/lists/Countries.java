package org.clearance.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps country names as lists print them ("Russia", "Korea, North", "Iran") to ISO 3166-1 alpha-2.
 * English names come from the JDK's ISO table; the usual list spellings it lacks are in
 * {@code country-aliases.properties} so they can be extended without code changes.
 */
public final class Countries {

    private static final Map<String, String> BY_NAME = load();

    private Countries() {
    }

    /** ISO2 for a country name or an ISO2/ISO3 code; empty if the text is not recognisably a country. */
    public static Optional<String> toIso2(String nameOrCode) {
        String clean = Text.blankToNull(nameOrCode);
        if (clean == null) {
            return Optional.empty();
        }
        clean = clean.replaceAll("[.\\s]+$", "");
        if (clean.length() == 2 && clean.chars().allMatch(Character::isUpperCase)) {
            return BY_NAME.containsValue(clean) ? Optional.of(clean) : Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(key(clean)));
    }

    private static String key(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static Map<String, String> load() {
        Map<String, String> map = new HashMap<>();
        for (String iso2 : Locale.getISOCountries()) {
            Locale locale = new Locale("", iso2);
            map.put(key(locale.getDisplayCountry(Locale.ENGLISH)), iso2);
            map.put(key(locale.getISO3Country()), iso2);
        }
        try (InputStream in = Countries.class.getResourceAsStream("country-aliases.properties");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> {
                        int eq = line.lastIndexOf('=');
                        map.put(key(line.substring(0, eq)), line.substring(eq + 1).strip());
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
