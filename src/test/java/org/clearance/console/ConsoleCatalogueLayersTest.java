package org.clearance.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's rule catalogue says, for a pack composed of layers, where each rule comes from and what the overlay changed. */
@QuarkusTest
class ConsoleCatalogueLayersTest {

    private static final Path SMALL_PACK = Path.of("src/test/resources/reload-pack").toAbsolutePath();
    private static final ConsoleUser AUTHOR = new ConsoleUser("ann", Set.of(Roles.RULE_AUTHOR), "token");

    @TempDir
    Path overlay;

    @Test
    void shouldShowEachRulesLayerAndTheOverlaysOverride() throws IOException {
        Files.writeString(overlay.resolve("stack.yaml"), "bases:\n  - " + SMALL_PACK + "\n");
        Files.writeString(overlay.resolve("overrides.yaml"), """
                rules:
                  - { rule: EU-12G-01, severity: BLOCK, reason: The board requires the clause, author: Jane Doe }
                """);
        RulePack layered = RulePackLoader.load(overlay);
        RulePack plain = RulePackLoader.load(SMALL_PACK);

        String html = catalogue(layered);

        assertThat(html).contains("from reload-pack</div>")
                .contains("Overridden by the overlay (severity REVIEW \u2192 BLOCK): The board requires the clause \u2014 Jane Doe");
        assertThat(html.split("class=\"override\"")).as("one overridden rule").hasSize(2);
        assertThat(catalogue(plain)).doesNotContain("class=\"muted layer\"").doesNotContain("class=\"override\"");
    }

    private static String catalogue(RulePack pack) {
        return RulesPages.Templates.catalogue(AUTHOR, ConsolePaths.RULES, pack, RulesPages.regimes(pack), List.of(), null)
                .render();
    }
}
