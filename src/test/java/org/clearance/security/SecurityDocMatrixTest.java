package org.clearance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The endpoint × role table in docs/security.md says what {@link EndpointRolesTest} proves against the running server:
 * same endpoints, same roles in every row ("own" counts as allowed).
 */
class SecurityDocMatrixTest {

    private static final List<String> COLUMNS = List.of(Roles.SCREENER, Roles.OFFICER, Roles.RULE_AUTHOR,
            Roles.LIST_MANAGER, Roles.AUDITOR, Roles.ADMIN);
    private static final Pattern ROW = Pattern.compile("^\\| `((?:GET|POST|PUT|PATCH|DELETE) /api/v1/[^`]*)` \\|(.*)\\|$");

    @Test
    void shouldDocumentExactlyTheMatrixTheServerIsTestedAgainst() throws IOException {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/security.md"))) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            String[] cells = row.group(2).split("\\|", -1);
            assertThat(cells).as("cells of " + row.group(1)).hasSize(COLUMNS.size());
            Set<String> roles = new HashSet<>();
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i].strip();
                if (cell.equals("✓") || cell.equals("own")) {
                    roles.add(COLUMNS.get(i));
                }
            }
            assertThat(documented.put(row.group(1), roles)).as("row " + row.group(1) + " given twice").isNull();
        }
        assertThat(documented).isEqualTo(EndpointRolesTest.MATRIX);
    }
}
