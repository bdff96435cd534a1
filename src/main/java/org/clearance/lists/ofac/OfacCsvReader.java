package org.clearance.lists.ofac;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.lists.CsvRows;
import org.clearance.lists.FileHash;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListReader;
import org.clearance.lists.ListSnapshot;
import org.clearance.lists.TextFiles;

/**
 * Reads OFAC's legacy delimited files (SDN or non-SDN consolidated): the main file plus addresses, aliases
 * and remark overflow, joined on {@code ent_num}. The files carry no publication date.
 */
public final class OfacCsvReader implements ListReader {

    static final int MAIN_COLUMNS = 12;
    static final int ADDRESS_COLUMNS = 6;
    static final int ALIAS_COLUMNS = 5;
    static final int COMMENT_COLUMNS = 2;

    private final OfacFileSet files;

    public OfacCsvReader(OfacFileSet files) {
        this.files = files;
    }

    @Override
    public ListFormat format() {
        return files.format();
    }

    /** Reads the four files from {@code path}, a directory (or any one of the four files in it). */
    @Override
    public ListSnapshot read(Path path) throws IOException {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        return read(dir.resolve(files.mainFile()), dir.resolve(files.addressFile()),
                dir.resolve(files.aliasFile()), dir.resolve(files.commentFile()));
    }

    /** Reads the four files given one by one; all four are required so no aliases or addresses go missing. */
    public ListSnapshot read(Path main, Path addresses, Path aliases, Path comments) throws IOException {
        for (Path file : List.of(main, addresses, aliases, comments)) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "OFAC " + files + " needs all four files");
            }
        }
        // Address, alias and comment rows whose ent_num has no main record are skipped, not rejected:
        // OFAC-derived test files contain such rows, and they designate nobody on their own.
        Map<String, OfacEntryMapper> byId = new LinkedHashMap<>();
        for (CsvRows.Row row : rows(main, MAIN_COLUMNS)) {
            String id = entNum(row, main);
            if (byId.containsKey(id)) {
                throw ListFormatException.atLine(name(main), row.line(), "duplicate ent_num " + id);
            }
            byId.put(id, new OfacEntryMapper(files.source(), id, row));
        }
        for (CsvRows.Row row : rows(addresses, ADDRESS_COLUMNS)) {
            OfacEntryMapper entry = byId.get(entNum(row, addresses));
            if (entry != null) {
                entry.addAddress(row);
            }
        }
        for (CsvRows.Row row : rows(aliases, ALIAS_COLUMNS)) {
            OfacEntryMapper entry = byId.get(entNum(row, aliases));
            if (entry != null) {
                entry.addAlias(row);
            }
        }
        for (CsvRows.Row row : rows(comments, COMMENT_COLUMNS)) {
            OfacEntryMapper entry = byId.get(entNum(row, comments));
            if (entry != null) {
                entry.addRemarkOverflow(row.cell(1));
            }
        }
        List<ListEntry> entries = new ArrayList<>(byId.size());
        for (OfacEntryMapper mapper : byId.values()) {
            entries.add(mapper.build());
        }
        return ListSnapshot.of(files.format(), FileHash.sha256(main, addresses, aliases, comments), null, entries);
    }

    private static List<CsvRows.Row> rows(Path file, int columns) throws IOException {
        List<CsvRows.Row> rows = CsvRows.read(new StringReader(TextFiles.read(file)), ',', name(file));
        for (CsvRows.Row row : rows) {
            if (row.size() != columns) {
                throw ListFormatException.atLine(name(file), row.line(),
                        "expected " + columns + " columns, found " + row.size());
            }
        }
        return rows;
    }

    private static String entNum(CsvRows.Row row, Path file) {
        String id = row.cell(0).strip();
        if (!id.matches("\\d+")) {
            throw ListFormatException.atLine(name(file), row.line(), "ent_num '" + id + "' is not a number");
        }
        return id;
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
