package org.clearance.ownership;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clearance.lists.CsvRows;
import org.clearance.lists.FileHash;
import org.clearance.lists.HeaderIndex;
import org.clearance.lists.HeaderedTable;
import org.clearance.lists.ListFormatException;

/**
 * Reads an ownership file: CSV with the header {@code entity,owner,share,source}, one row per owner of an entity;
 * {@code share} is a percentage from 0 to 100 and {@code source} says where the fact comes from (a registry extract,
 * a declaration). Because people assemble the file by hand, every doubtful row is an error naming its line: empty
 * names, a share that is not a number in range, an entity owning itself, the same owner of the same entity twice,
 * owners of one entity holding more than 100 % together, over-long fields.
 */
public final class OwnershipCsvReader {

    static final String[] COLUMNS = {"entity", "owner", "share", "source"};
    /** The widest name the database keeps (ownership_link.entity and owner). */
    static final int MAX_NAME = 1000;
    /** The widest source the database keeps (ownership_link.source). */
    static final int MAX_SOURCE = 2000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The rows of a file, its name and the hash of its bytes (what the import records). */
    public record Read(String file, String sha256, List<OwnershipRow> rows) {
    }

    public Read read(Path path) throws IOException {
        String sha256 = FileHash.sha256(Files.readAllBytes(path));
        HeaderedTable table = HeaderedTable.read(path, ',', COLUMNS);
        String file = table.file();
        HeaderIndex columns = table.columns();
        List<OwnershipRow> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        Map<String, BigDecimal> held = new HashMap<>();
        for (CsvRows.Row row : table.rows()) {
            if (row.isBlank()) {
                continue;
            }
            long line = row.line();
            String entity = text(columns.get(row, "entity"), "entity", MAX_NAME, file, line);
            String owner = text(columns.get(row, "owner"), "owner", MAX_NAME, file, line);
            String source = text(columns.get(row, "source"), "source", MAX_SOURCE, file, line);
            BigDecimal share = share(columns.get(row, "share"), file, line);
            if (EntityKey.of(entity).equals(EntityKey.of(owner))) {
                throw ListFormatException.atLine(file, line, "'" + entity + "' cannot own itself");
            }
            Long earlier = seen.putIfAbsent(EntityKey.of(entity) + "\u001F" + EntityKey.of(owner), line);
            if (earlier != null) {
                throw ListFormatException.atLine(file, line, "duplicate row: line " + earlier + " already gives '"
                        + owner + "' as an owner of '" + entity + "'");
            }
            BigDecimal total = held.merge(EntityKey.of(entity), share, BigDecimal::add);
            if (total.compareTo(HUNDRED) > 0) {
                throw ListFormatException.atLine(file, line, "the owners of '" + entity + "' hold "
                        + total.stripTrailingZeros().toPlainString() + " % together, more than 100 %");
            }
            rows.add(new OwnershipRow(line, entity, owner, share, source));
        }
        if (rows.isEmpty()) {
            throw ListFormatException.atLine(file, 2, "holds no ownership rows; an empty file is refused so that a "
                    + "broken export cannot wipe the ownership data");
        }
        return new Read(file, sha256, List.copyOf(rows));
    }

    private static String text(String value, String column, int max, String file, long line) {
        if (value == null || value.isBlank()) {
            throw ListFormatException.atLine(file, line, column + " is empty");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw ListFormatException.atLine(file, line, column + " is " + stripped.length()
                    + " characters long; at most " + max + " are allowed");
        }
        return stripped;
    }

    private static BigDecimal share(String value, String file, long line) {
        String text = text(value, "share", 40, file, line).replace("%", "").strip();
        BigDecimal share;
        try {
            share = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ListFormatException.atLine(file, line, "share '" + value.strip() + "' is not a number");
        }
        if (share.signum() < 0 || share.compareTo(HUNDRED) > 0) {
            throw ListFormatException.atLine(file, line, "share " + text + " is outside 0 to 100");
        }
        if (share.scale() > 6) {
            throw ListFormatException.atLine(file, line, "share " + text + " has more than 6 decimal places");
        }
        return share;
    }
}
