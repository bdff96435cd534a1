package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack loaded again is not compiled again, but nobody gets a KieBase compiled from other text or changed by others. */
class CompiledPacksTest {

    private static final String RULE = """
            package t;

            import org.clearance.facts.Finding;
            import org.clearance.facts.Order;

            rule "T-BUYER-01 the buyer is in Ukraine"
                @id("T-BUYER-01") @jurisdiction("US") @severity("BLOCK")
                @citation("15 CFR 746.6")
                @effective("2023-05-23")
            when
                $order : Order( buyer.country == "%s" )
            then
                insert(Finding.of(drools.getRule(), $order, "The buyer is listed."));
            end
            """;

    @TempDir
    Path dir;

    @Test
    void shouldShareTheCompiledBaseOfTheSameTextOnly() throws IOException {
        Path pack = write("pack", "UA");
        RulePack first = RulePackLoader.load(pack);
        assertThat(RulePackLoader.load(pack).kieBase()).as("same text: compiled once").isSameAs(first.kieBase());
        assertThat(RulePackLoader.load(write("copy", "UA")).kieBase()).as("same text elsewhere").isSameAs(first.kieBase());

        RulePack changed = RulePackLoader.load(write("pack", "BY"));
        assertThat(changed.kieBase()).as("other text").isNotSameAs(first.kieBase());
        assertThat(changed.hash()).isNotEqualTo(first.hash());
    }

    @Test
    void shouldGiveAnUnsharedBaseThatChangesNobodyElses() throws IOException {
        Path pack = write("mutated", "KZ");
        RulePack shared = RulePackLoader.load(pack);
        RulePack own = RulePackLoader.loadUnshared(pack);
        assertThat(own.kieBase()).isNotSameAs(shared.kieBase());

        own.kieBase().removeRule("t", "T-BUYER-01 the buyer is in Ukraine"); // as mutation testing swaps a rule out
        assertThat(RulePackLoader.load(pack).kieBase().getRule("t", "T-BUYER-01 the buyer is in Ukraine")).isNotNull();
    }

    private Path write(String name, String country) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("t"));
        Files.writeString(root.resolve("t/rules.drl"), RULE.formatted(country));
        return root;
    }
}
