package org.clearance.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.json is the document the server serves, committed so that integrators can generate a client without
 * running a server, and so that the build generates one from it ({@code GeneratedClientTest}). This test fails
 * when the file is stale; {@code -Ddocs.update=true} rewrites it instead.
 */
@QuarkusTest
class OpenApiFileTest {

    static final Path FILE = Path.of("docs/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void shouldCommitTheDocumentTheServerServes() throws IOException {
        JsonNode served = OpenApiContract.served().document();
        String expected = JSON.writeValueAsString(served) + "\n";
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(FILE, expected);
        }

        assertThat(Files.exists(FILE)).as(FILE + " is missing; write it with "
                + "mvn -B -q test -Dtest=OpenApiFileTest -Ddocs.update=true").isTrue();
        assertThat(JSON.readTree(FILE.toFile())).as(FILE + " differs from the served document; rewrite it with "
                + "mvn -B -q test -Dtest=OpenApiFileTest -Ddocs.update=true").isEqualTo(served);
    }
}
