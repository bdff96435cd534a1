package org.clearance.rules.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.rules.FileTrees;

/**
 * A small pack for mutation tests of nexus rules: the shipped EU nexus rules with their bases, data and first cases. With
 * no decision rule in the pack every case is CLEAR with no rules, so only the cases' {@code nexus:} expectations
 * (the EU nexus rules whose applicability reasons hold) can tell a mutant from the rule.
 */
final class EuNexusPack {

    private static final Path SHIPPED = Path.of("rules");
    static final String RULE_FILE = "eu/nexus.drl";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The first cases only (the bank case among them): enough to show the comparison, quick enough for every build. */
    private static final int CASES = 8;

    private EuNexusPack() {
    }

    /** Writes the pack into {@code pack}; {@code withNexus} keeps the cases' EU nexus expectations. */
    static void write(Path pack, boolean withNexus) throws IOException {
        FileTrees.copy(SHIPPED.resolve("bases"), pack.resolve("bases"));
        FileTrees.copy(SHIPPED.resolve("data"), pack.resolve("data"));
        Files.createDirectories(pack.resolve("eu"));
        Files.copy(SHIPPED.resolve(RULE_FILE), pack.resolve(RULE_FILE));
        ObjectNode tests = (ObjectNode) YAML.readTree(SHIPPED.resolve("eu/nexus.tests.yaml").toFile());
        tests.remove(EquivalentMutants.KEY); // records of the whole pack's run, not of this one
        ArrayNode cases = (ArrayNode) tests.get("cases");
        while (cases.size() > CASES) {
            cases.remove(cases.size() - 1);
        }
        for (JsonNode testCase : cases) {
            ObjectNode expect = YAML.createObjectNode().put("decision", "CLEAR");
            expect.putArray("rules");
            if (withNexus) {
                ArrayNode nexus = expect.putArray("nexus");
                testCase.path("expect").path("nexus").forEach(id -> {
                    if (id.asText().startsWith("EU-")) {
                        nexus.add(id);
                    }
                });
            }
            ((ObjectNode) testCase).set("expect", expect);
        }
        YAML.writeValue(pack.resolve("eu/nexus.tests.yaml").toFile(), tests);
    }
}
