package org.clearance.lists.jp;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearance.lists.FileHash;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListReader;
import org.clearance.lists.ListSnapshot;
import org.clearance.lists.TextFiles;

/**
 * Reads the text of a Japanese MOFA/METI notice designating entities under the export ban (Russia, Belarus or
 * third countries). The text comes from a PDF, so entries are found by their running number followed by the
 * Japanese name, and an entry number glued to the previous address ("…Belarus7 株式会社…") is split off.
 * Numbers must run 1, 2, 3 … without gaps; a gap means lost text and is rejected. The "最終更新日" (last
 * updated) date becomes the publication date.
 */
public final class MetiNoticeReader implements ListReader {

    private static final Pattern LAST_UPDATED = Pattern.compile("最終更新日:?\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern NOTICE = Pattern.compile("\\((令和.+?告示第.+?号)\\)");
    /** An entry number at line start or glued after Latin text, followed by a name with Japanese in it. */
    private static final Pattern ENTRY_START = Pattern.compile("(^|(?<=[A-Za-z.)]))(\\d{1,3})\\s*(?=\\S)");

    @Override
    public ListFormat format() {
        return ListFormat.JP_METI_TEXT;
    }

    @Override
    public ListSnapshot read(Path path) throws IOException {
        String file = path.getFileName().toString();
        String text = Normalizer.normalize(TextFiles.read(path), Normalizer.Form.NFKC);
        String[] lines = text.split("\\R", -1);
        String source = source(text, file);
        String notice = NOTICE.matcher(text).results().map(m -> m.group(1)).findFirst().orElse(null);
        List<ListEntry> entries = new ArrayList<>();
        MetiEntryMapper current = null;
        int expected = 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            while (true) {
                Matcher start = ENTRY_START.matcher(line);
                int at = -1;
                while (start.find()) {
                    if (Integer.parseInt(start.group(2)) == expected && restHasJapanese(line, start.end())) {
                        at = start.start(2);
                        break;
                    }
                }
                if (at < 0) {
                    if (current != null) {
                        current.line(line);
                    }
                    break;
                }
                if (current != null) {
                    current.line(line.substring(0, at));
                    entries.add(current.build());
                }
                current = new MetiEntryMapper(file, source, expected, lineNo, notice);
                expected++;
                Matcher number = Pattern.compile("\\d{1,3}\\s*").matcher(line);
                number.find(at);
                line = line.substring(number.end());
            }
        }
        if (current == null) {
            throw ListFormatException.atLine(file, 1, "no numbered entries found");
        }
        entries.add(current.build());
        return ListSnapshot.of(format(), FileHash.sha256(path), lastUpdated(text), entries);
    }

    /** Only the first line's own segment must hold Japanese; the number must precede the Japanese name. */
    private static boolean restHasJapanese(String line, int from) {
        String rest = line.substring(from);
        int firstBreak = rest.indexOf("所在地");
        String segment = firstBreak >= 0 ? rest.substring(0, firstBreak) : rest;
        return !segment.isBlank() && MetiEntryMapper.hasJapanese(segment) && !segment.startsWith("別称");
    }

    private static String source(String text, String file) {
        String head = text.length() > 400 ? text.substring(0, 400) : text;
        if (head.contains("ロシア連邦及びベラルー") || head.contains("以外の国の団体")) {
            return "JP-METI-THIRD-COUNTRY";
        }
        if (head.contains("ベラルーシ共和国の団体")) {
            return "JP-METI-BY";
        }
        if (head.contains("ロシア連邦の団体")) {
            return "JP-METI-RU";
        }
        throw ListFormatException.atLine(file, 1, "not a recognised METI/MOFA specified-entities notice");
    }

    private static LocalDate lastUpdated(String text) {
        Matcher matcher = LAST_UPDATED.matcher(text);
        return matcher.find() ? LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))) : null;
    }
}
