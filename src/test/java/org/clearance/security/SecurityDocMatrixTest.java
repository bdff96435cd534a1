package org.clearance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The endpoint × role table in docs/security.md says what {@link EndpointRolesTest} proves against the running server:
 * same endpoints, same roles in every row ("own" counts as allowed).
 */
class SecurityDocMatrixTest {

    private static final Pattern ROW = Pattern.compile("^\\| `((?:GET|POST|PUT|PATCH|DELETE) /api/v1/[^`]*)` \\|(.*)\\|$");

    @Test
    void shouldDocumentExactlyTheMatrixTheServerIsTestedAgainst() throws IOException {
        assertThat(RoleTables.read(Files.readString(Path.of("docs/security.md")), ROW)).isEqualTo(EndpointRolesTest.MATRIX);
    }
}
