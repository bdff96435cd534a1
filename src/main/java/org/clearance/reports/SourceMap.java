package org.clearance.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a report location ({@code file}, {@code file/3} for the fourth order of an array,
 * {@code file:7} for line 7 of NDJSON) and a JSON pointer into that order to the file, line and
 * column of the field, using Jackson's token locations. Reports use it to point CI annotations at
 * the offending field; a pointer that is not in the document (a derived fact) falls back to its
 * nearest existing parent.
 */
public final class SourceMap {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern ARRAY_ELEMENT = Pattern.compile("/\\d+");
    private static final Pattern NDJSON_LINE = Pattern.compile(":(\\d+)");

    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, Map<String, JsonLocation>> parsed = new HashMap<>();

    /** Remembers the text read from {@code source} (a file path as given, or {@code <stdin>}). */
    public void add(String source, String text) {
        texts.put(source, text);
    }

    /** The file part of a report location: the longest registered source it starts with, else itself. */
    public String file(String location) {
        return split(location).map(Split::source).orElse(location);
    }

    /** The position of {@code pointer} inside the order at {@code location}. */
    public Position locate(String location, String pointer) {
        Optional<Split> split = split(location);
        if (split.isEmpty()) {
            return new Position(location, 0, 0);
        }
        Split at = split.get();
        String text = texts.get(at.source());
        int lineOffset = 0;
        if (at.ndjsonLine() > 0) {
            String[] lines = text.split("\r?\n", -1);
            if (at.ndjsonLine() > lines.length) {
                return new Position(at.source(), 0, 0);
            }
            text = lines[at.ndjsonLine() - 1];
            lineOffset = at.ndjsonLine() - 1;
        }
        String document = text;
        Map<String, JsonLocation> pointers = parsed.computeIfAbsent(at.source() + ":" + at.ndjsonLine(),
                k -> parseLocations(document));
        String candidate = at.arrayPrefix() + (pointer == null ? "" : pointer);
        while (true) {
            JsonLocation found = pointers.get(candidate);
            if (found != null) {
                return new Position(at.source(), found.getLineNr() + lineOffset, found.getColumnNr());
            }
            if (candidate.isEmpty()) {
                return new Position(at.source(), 0, 0);
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('/'));
        }
    }

    /** The location of the first token of every value (for object members: of the member's name). */
    static Map<String, JsonLocation> parseLocations(String text) {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                locations.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation());
            }
        } catch (IOException e) {
            // Malformed input: keep what was located before the error; the problem itself is reported elsewhere.
        }
        return locations;
    }

    private Optional<Split> split(String location) {
        if (texts.containsKey(location)) {
            return Optional.of(new Split(location, "", 0));
        }
        String best = null;
        for (String source : texts.keySet()) {
            if (location.startsWith(source) && (best == null || source.length() > best.length())) {
                String rest = location.substring(source.length());
                if (ARRAY_ELEMENT.matcher(rest).matches() || NDJSON_LINE.matcher(rest).matches()) {
                    best = source;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String rest = location.substring(best.length());
        Matcher ndjson = NDJSON_LINE.matcher(rest);
        return Optional.of(ndjson.matches() ? new Split(best, "", Integer.parseInt(ndjson.group(1)))
                : new Split(best, rest, 0));
    }

    private record Split(String source, String arrayPrefix, int ndjsonLine) {
    }
}
