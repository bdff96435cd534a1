package org.clearance.lists.jp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.clearance.lists.Address;
import org.clearance.lists.Countries;
import org.clearance.lists.EntityType;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.Text;

/**
 * Turns the lines of one numbered notice entry into a {@link ListEntry}: Japanese name lines, then the English
 * name (up to "a.k.a."), dash-led alias lines or a "別称:" line, then "所在地:" addresses separated by ";".
 */
final class MetiEntryMapper {

    private static final Pattern AKA = Pattern.compile(",?\\s*a\\.k\\.a\\..*$");
    private static final Pattern ALIAS_LINE = Pattern.compile("^[-—–‐]\\s*(.*)$");
    private static final Pattern BRACKETED_JAPANESE = Pattern.compile("\\([^()]*[\\p{IsHan}\\p{IsKatakana}\\p{IsHiragana}][^()]*\\)");
    private static final Pattern OPEN_JAPANESE_BRACKET = Pattern.compile("\\([^()]*[\\p{IsHan}\\p{IsKatakana}\\p{IsHiragana}][^()]*$");
    private static final Pattern LATIN_RUN = Pattern.compile("[A-Za-z][A-Za-z0-9 .,&'-]{7,}");
    private static final Pattern JAPANESE_ALIASES = Pattern.compile("\\(別称.*?\\)");

    private enum Part { JAPANESE, ENGLISH, ALIASES, ADDRESS }

    private final String file;
    private final int number;
    private final int startLine;
    private final ListEntry.Builder builder;
    private Part part = Part.JAPANESE;
    private final StringBuilder japanese = new StringBuilder();
    private final StringBuilder english = new StringBuilder();
    private boolean akaSeen;
    private final List<StringBuilder> aliases = new ArrayList<>();
    private final StringBuilder address = new StringBuilder();

    MetiEntryMapper(String file, String source, int number, int startLine, String notice) {
        this.file = file;
        this.number = number;
        this.startLine = startLine;
        this.builder = ListEntry.builder(source, String.valueOf(number)).type(EntityType.ENTITY).program(notice);
        // The Russia and Belarus notices designate organisations of that country by definition.
        builder.country(source.endsWith("-RU") ? "RU" : source.endsWith("-BY") ? "BY" : null);
    }

    void line(String raw) {
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("所在地")) {
            part = Part.ADDRESS;
            address.append(line.replaceFirst("^所在地\\s*:?\\s*", "")).append(' ');
            return;
        }
        if (line.startsWith("別称")) {
            part = Part.ALIASES;
            Text.split(line.replaceFirst("^別称\\s*:?\\s*", ""), ";").forEach(a -> aliases.add(new StringBuilder(a)));
            return;
        }
        switch (part) {
            case JAPANESE -> japaneseLine(line);
            case ENGLISH -> englishLine(line);
            case ALIASES -> aliasLine(line);
            case ADDRESS -> address.append(line).append(' ');
        }
    }

    private void japaneseLine(String line) {
        if (!hasJapanese(line) || startsEnglishName(line)) {
            part = Part.ENGLISH;
            englishLine(line);
            return;
        }
        int tail = latinTail(line);
        japanese.append(line, 0, tail);
        if (tail < line.length()) {
            part = Part.ENGLISH;
            englishLine(line.substring(tail));
        }
    }

    /** "Ele Technology Co LTD（深圳市…）": an English name carrying the Chinese name in brackets. */
    private boolean startsEnglishName(String line) {
        return !japanese.isEmpty() && balanced(japanese) && line.matches("[A-Za-z][A-Za-z0-9 .,&-]{7,}.*");
    }

    private static boolean balanced(CharSequence text) {
        return text.chars().filter(c -> c == '(').count() == text.chars().filter(c -> c == ')').count();
    }

    /**
     * Where a line switches from the Japanese name to the English one ("…「プログレス」JSC Rocket…",
     * "…リミテッドHong Kong Qisu…"): the first run of 8+ Latin characters right after a Japanese character or
     * bracket, provided the brackets opened so far are closed (so Latin aliases inside "(別称、…)" stay put).
     */
    private int latinTail(String line) {
        for (int i = 1; i < line.length(); i++) {
            char before = line.charAt(i - 1);
            if ((isJapanese(before) || before == ')') && LATIN_RUN.matcher(line).region(i, line.length()).lookingAt()
                    && balanced(japanese + line.substring(0, i))) {
                return i;
            }
        }
        return line.length();
    }

    private void englishLine(String raw) {
        String line = BRACKETED_JAPANESE.matcher(raw).replaceAll("");
        line = OPEN_JAPANESE_BRACKET.matcher(line).replaceAll("").strip();
        if (line.isEmpty() || (hasJapanese(line) && !line.matches(".*[A-Za-z]{3}.*"))) {
            return; // the end of a Chinese name in brackets that started on the previous line
        }
        if (ALIAS_LINE.matcher(line).matches()) {
            part = Part.ALIASES;
            aliasLine(line);
            return;
        }
        if (akaSeen) {
            return; // the rest of "a.k.a., the following two aliases:" before the first dash
        }
        if (line.contains("a.k.a.")) {
            akaSeen = true;
            english.append(AKA.matcher(line).replaceAll("")).append(' ');
            return;
        }
        english.append(line).append(' ');
    }

    private void aliasLine(String line) {
        var dash = ALIAS_LINE.matcher(line);
        if (dash.matches()) {
            aliases.add(new StringBuilder(dash.group(1)));
        } else if (!aliases.isEmpty() && hasJapanese(aliases.get(aliases.size() - 1)) == hasJapanese(line)) {
            aliases.get(aliases.size() - 1).append(' ').append(line);
        } else {
            aliases.add(new StringBuilder(line)); // a Latin alias after Japanese ones under "別称:"
        }
    }

    ListEntry build() {
        String name = Text.collapseSpaces(english.toString());
        if (name == null || name.isEmpty()) {
            throw ListFormatException.atLine(file, startLine, "entry " + number + " has no English name");
        }
        builder.primaryName(name.replaceAll("[,;]$", "").strip());
        for (StringBuilder alias : aliases) {
            builder.alias(cleanAlias(alias.toString()), false);
        }
        String jaName = Text.collapseSpaces(JAPANESE_ALIASES.matcher(japanese.toString()).replaceAll(""));
        builder.alias(jaName, false);
        for (String one : Text.split(Text.collapseSpaces(address.toString()), ";")) {
            String clean = one.replaceFirst("^and\\s+", "").replaceAll("[.\\s]+$", "");
            builder.address(new Address(clean, null, null, null, country(clean)));
        }
        return builder.build();
    }

    private static String cleanAlias(String alias) {
        return Text.collapseSpaces(alias).replaceAll("(;\\s*and|;|\\band)$", "").replaceAll("[.;,\\s]+$", "").strip();
    }

    /** The country is the last comma-separated part, possibly with a postcode glued on ("Russia 618018"). */
    private static String country(String address) {
        List<String> parts = Text.split(address, ",");
        if (parts.isEmpty()) {
            return null;
        }
        String last = parts.get(parts.size() - 1).replaceAll("\\d+", "").strip();
        return Countries.toIso2(last).orElseGet(() -> address.contains("Russia") ? "RU"
                : address.contains("Belarus") ? "BY" : null);
    }

    static boolean hasJapanese(CharSequence text) {
        return text.chars().anyMatch(c -> isJapanese((char) c));
    }

    static boolean isJapanese(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.KATAKANA;
    }
}
