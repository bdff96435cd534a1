package org.clearance.console;

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
import org.clearance.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * The page × role table of docs/console.md says what {@link ConsoleRolesTest} proves against the running server: the
 * same pages and forms with the same roles ("own" counts as allowed); the open ones are named in its text.
 */
class ConsoleDocMatrixTest {

    private static final List<String> COLUMNS = List.of(Roles.SCREENER, Roles.OFFICER, Roles.RULE_AUTHOR,
            Roles.LIST_MANAGER, Roles.AUDITOR, Roles.ADMIN);
    private static final Pattern ROW = Pattern.compile("^\\| `((?:GET|POST) /[^`]*)` \\|(.*)\\|$");

    @Test
    void shouldDocumentExactlyTheMatrixTheConsoleIsTestedAgainst() throws IOException {
        String page = Files.readString(Path.of("docs/console.md"));
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (String line : page.lines().toList()) {
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
        Map<String, Set<String>> tested = new LinkedHashMap<>();
        ConsoleRolesTest.MATRIX.forEach((route, roles) -> {
            if (roles.contains(ConsoleRolesTest.ANYONE) || roles.contains(ConsoleRolesTest.PROVIDER)) {
                assertThat(page).as("the open route " + route + " is named").contains("`" + route + "`");
            } else {
                tested.put(route, roles);
            }
        });
        assertThat(documented).isEqualTo(tested);
    }
}
