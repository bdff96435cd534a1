package org.clearance.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.clearance.security.RoleTables;
import org.junit.jupiter.api.Test;

/**
 * The page × role table of docs/console.md says what {@link ConsoleRolesTest} proves against the running server: the
 * same pages and forms with the same roles ("own" counts as allowed); the open ones are named in its text.
 */
class ConsoleDocMatrixTest {

    private static final Pattern ROW = Pattern.compile("^\\| `((?:GET|POST) /[^`]*)` \\|(.*)\\|$");

    @Test
    void shouldDocumentExactlyTheMatrixTheConsoleIsTestedAgainst() throws IOException {
        String page = Files.readString(Path.of("docs/console.md"));
        Map<String, Set<String>> tested = new LinkedHashMap<>();
        ConsoleRolesTest.MATRIX.forEach((route, roles) -> {
            if (roles.contains(ConsoleRolesTest.ANYONE) || roles.contains(ConsoleRolesTest.PROVIDER)) {
                assertThat(page).as("the open route " + route + " is named").contains("`" + route + "`");
            } else {
                tested.put(route, roles);
            }
        });
        assertThat(RoleTables.read(page, ROW)).isEqualTo(tested);
    }
}
