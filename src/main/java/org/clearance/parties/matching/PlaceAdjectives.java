package org.clearance.parties.matching;

import java.util.regex.Pattern;

/**
 * Russian names of organisations say where they are with an adjective made from the place name (Уральский,
 * Таганрогский, Московский, Туапсинский: "-ский" and its case forms), where their English names write the place
 * ("Ural", "Taganrog", "Moscow", "Tuapse"). Such a word is compared by the place it is made from: the romanised
 * adjective without its suffix ("moskovskiy" → "moskov", spelt close to "Moscow"; "tuapsinskiy" → "tuapsin").
 * <p>
 * Only in names of organisations (a name with a word of the organisation glossary), and never for the glossary's and
 * other kind-of-body words, nor for "-ический" adjectives, which are not made from places: a person's surname of this
 * shape (Zhukovskiy, Zhukovskaya) is not a place, and must keep its form and gender.
 */
final class PlaceAdjectives {

    /** Romanised (BGN/PCGN and usual list spellings) "-sk-" adjective endings in every case and gender. */
    private static final Pattern ADJECTIVE = Pattern.compile(
            "(?<stem>[a-z]{4,}?)t?sk(?<ending>iy|iye|ij|ii|yy|y|i|aya|aia|oye|oe|oie|ogo|oy|oi|ikh|ih|im|imi|om|omu|uyu|aja|oj|ie)$");
    /** "-ический": technical, chemical, academic — kinds of things, not places. */
    private static final Pattern NOT_A_PLACE = Pattern.compile("(ch|che|ic|ich)$");

    private static final int SHORT_STEM = 4;

    private PlaceAdjectives() {
    }

    /** The place an adjective of this shape is made from, as romanised ("moskov", "uralsk"), or null if it is not of that shape. */
    static String place(String token) {
        var adjective = ADJECTIVE.matcher(token);
        if (!adjective.matches()) {
            return null;
        }
        String stem = adjective.group("stem");
        if (NOT_A_PLACE.matcher(stem).find()) {
            return null;
        }
        // A short stem keeps its "sk": four letters are too few to compare by spelling on their own ("ozer" against
        // "Ozyorsk"), and with it the word still meets the place ("uralsk" / "Ural", "ozersk" / "Ozyorsk").
        return stem.length() <= SHORT_STEM ? token.substring(0, adjective.start("ending")) : stem;
    }
}
