package org.clearance.rescreen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which orders a change of rule pack can affect, on a small real pack compiled as the server compiles packs. */
class PackChangeScopeTest {

    private static final String BLOCKED_BUYER = """
            rule "T-BUYER-01 the buyer is in Ukraine"
                @id("T-BUYER-01") @jurisdiction("US") @severity("BLOCK")
                @citation("15 CFR 746.6")
                @effective("2023-05-23")
            when
                $order : Order( buyer.country == "UA" )
            then
                insert(Finding.of(drools.getRule(), $order, "The buyer is in Ukraine."));
            end
            """;
    private static final String WATCHED_COUNTRY = """
            rule "T-WATCH-01 the buyer is in a watched country"
                @id("T-WATCH-01") @jurisdiction("EU") @severity("REVIEW")
                @citation("Council Regulation (EU) 833/2014, Art. 12g")
                @effective("2024-03-20")
            when
                $order : Order( )
                exists DataRow( dataset == "t/watched", key == $order.buyer.country )
            then
                insert(Finding.of(drools.getRule(), $order, "The buyer is in a watched country."));
            end
            """;
    private static final String WATCHED = """
            # source: test data
            # version: 1
            # completeness: complete - test
            code,name
            AM,Armenia
            KZ,Kazakhstan
            """;

    @TempDir
    Path dir;
    private RulePack base;

    @BeforeEach
    void writeBase() throws IOException {
        base = pack("base", BLOCKED_BUYER, WATCHED_COUNTRY, WATCHED);
    }

    @Test
    void shouldNarrowToTheRuleWhoseSeverityChanged() throws IOException {
        PackChangeScope scope = PackChangeScope.between(base,
                pack("head", BLOCKED_BUYER.replace("@severity(\"BLOCK\")", "@severity(\"REVIEW\")"), WATCHED_COUNTRY, WATCHED));
        assertThat(scope.everyOrder()).isFalse();
        assertThat(scope.findingRules()).containsExactly("T-BUYER-01");
    }

    @Test
    void shouldNarrowToARemovedRuleAndToTheReadersOfRemovedRows() throws IOException {
        assertThat(PackChangeScope.between(base, pack("removed", "", WATCHED_COUNTRY, WATCHED)).findingRules())
                .containsExactly("T-BUYER-01");
        PackChangeScope fewerRows = PackChangeScope.between(base,
                pack("rows-removed", BLOCKED_BUYER, WATCHED_COUNTRY, WATCHED.replace("AM,Armenia\n", "")));
        assertThat(fewerRows.everyOrder()).isFalse();
        assertThat(fewerRows.findingRules()).containsExactly("T-WATCH-01");
    }

    @Test
    void shouldAffectNoOrderWhenOnlyACommentChanged() throws IOException {
        PackChangeScope scope = PackChangeScope.between(base,
                pack("comment", "// reviewed 2026-12-06\n" + BLOCKED_BUYER, WATCHED_COUNTRY, WATCHED));
        assertThat(scope.everyOrder()).isFalse();
        assertThat(scope.findingRules()).isEmpty();
    }

    @Test
    void shouldTakeEveryOrderWhenARuleCouldFireAnywhere() throws IOException {
        assertThat(PackChangeScope.between(base, pack("condition", BLOCKED_BUYER.replace("\"UA\"", "\"BY\""),
                WATCHED_COUNTRY, WATCHED)).allBecause()).isEqualTo("rule T-BUYER-01 conditions changed");
        assertThat(PackChangeScope.between(base, pack("rows-added", BLOCKED_BUYER, WATCHED_COUNTRY,
                WATCHED + "GE,Georgia\n")).allBecause()).isEqualTo("data/t/watched.csv: 1 row(s) added");
        assertThat(PackChangeScope.between(base, pack("effective", BLOCKED_BUYER.replace("2023-05-23", "2022-01-01"),
                WATCHED_COUNTRY, WATCHED)).allBecause()).isEqualTo("rule T-BUYER-01 @effective changed");
        assertThat(PackChangeScope.between(pack("without", "", WATCHED_COUNTRY, WATCHED), base).allBecause())
                .isEqualTo("rule T-BUYER-01 added");
    }

    private RulePack pack(String name, String buyerRule, String watchRule, String watched) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("t"));
        Files.createDirectories(root.resolve("data/t"));
        String header = """
                package t;

                import org.clearance.facts.DataRow;
                import org.clearance.facts.Finding;
                import org.clearance.facts.Order;

                """;
        Files.writeString(root.resolve("t/rules.drl"), header + buyerRule + "\n" + watchRule);
        Files.writeString(root.resolve("data/t/watched.csv"), watched);
        return RulePackLoader.load(root);
    }
}
