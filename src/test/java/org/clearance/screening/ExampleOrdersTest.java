package org.clearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example orders screen to the decisions and rule ids recorded in examples/expected.csv. */
class ExampleOrdersTest {

    private static final Path ORDERS = Path.of("examples/orders");
    private static Screener screener;

    @BeforeAll
    static void loadPack() {
        RulePack pack = RulePackLoader.load(Path.of("rules"));
        screener = new Screener(pack);
    }

    @Test
    void shouldScreenEveryExampleToItsExpectedDecisionAndRules() throws IOException {
        Map<String, String> expected = new HashMap<>();
        List<String> rows = Files.readAllLines(Path.of("examples/expected.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            expected.put(cells[1], cells[2] + " " + Arrays.stream(cells[3].split(" ")).filter(s -> !s.isBlank()).sorted().toList());
        }
        Map<String, String> actual = new HashMap<>();
        try (Stream<Path> files = Files.list(ORDERS)) {
            for (Path file : files.sorted().toList()) {
                Screener.Batch batch = screener.screen(file.toString(), Files.readString(file), null);
                assertThat(batch.problems()).as(file.toString()).isEmpty();
                batch.results().forEach(r -> actual.put(r.orderId(), r.decision() + " " + r.ruleIds()));
            }
        }

        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(actual.values()).anyMatch(v -> v.startsWith("CLEAR")).anyMatch(v -> v.startsWith("REVIEW"))
                .anyMatch(v -> v.startsWith("BLOCK"));
    }
}
