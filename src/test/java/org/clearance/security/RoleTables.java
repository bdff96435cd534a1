package org.clearance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a route × role table of the docs: each row whose first cell matches {@code row} (group 1 the route, group 2
 * the role cells), with ✓ or "own" meaning allowed, in the column order of docs/security.md.
 */
public final class RoleTables {

    public static final List<String> COLUMNS = List.of(Roles.SCREENER, Roles.OFFICER, Roles.RULE_AUTHOR,
            Roles.LIST_MANAGER, Roles.AUDITOR, Roles.ADMIN);

    private RoleTables() {
    }

    public static Map<String, Set<String>> read(String markdown, Pattern row) {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (String line : markdown.lines().toList()) {
            Matcher match = row.matcher(line);
            if (!match.matches()) {
                continue;
            }
            String[] cells = match.group(2).split("\\|", -1);
            assertThat(cells).as("cells of " + match.group(1)).hasSize(COLUMNS.size());
            Set<String> roles = new HashSet<>();
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i].strip();
                if (cell.equals("✓") || cell.equals("own")) {
                    roles.add(COLUMNS.get(i));
                }
            }
            assertThat(documented.put(match.group(1), roles)).as("row " + match.group(1) + " given twice").isNull();
        }
        return documented;
    }
}
