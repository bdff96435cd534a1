package org.clearance.rules.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.RulePackProblem;
import org.clearance.rules.RulePackRefusedException;
import org.clearance.rules.reload.PackCheck;
import org.clearance.rules.reload.RulePackChecker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The allow-list check on the loader, which every path goes through: each hostile file is refused with its
 * message before any of its code runs, legitimate rule code still loads, the bytecode screen catches on its
 * own what the source screen would, and a rule that never finishes is stopped at the time budget.
 */
@Isolated // no test runs beside it: it looks at every thread of the JVM
class RulePackGuardTest {

    @TempDir
    Path dir;

    @BeforeEach
    void clearMarkers() {
        HostilePacks.clearMarkers();
    }

    static List<String> hostileFiles() {
        return HostilePacks.names();
    }

    @ParameterizedTest
    @MethodSource("hostileFiles")
    void shouldRefuseEveryHostileFileWithItsMessageBeforeAnyOfItsCodeRuns(String name) {
        Path pack = HostilePacks.pack(dir, List.of(name));

        assertThatThrownBy(() -> RulePackLoader.load(pack))
                .isInstanceOfSatisfying(RulePackRefusedException.class, e -> {
                    List<String> problems = e.problems().stream().map(RulePackProblem::toString).toList();
                    assertThat(problems).containsAll(HostilePacks.EXPECTED.get(name));
                    assertThat(problems).allSatisfy(p -> assertThat(p).startsWith("hostile/" + name).doesNotContain(dir.toString()));
                });
        assertThat(HostilePacks.marker(name)).doesNotExist();
    }

    @Test
    void shouldRefuseEveryHostileFileOfAPackAtOnce() {
        Path pack = HostilePacks.pack(dir, HostilePacks.sourceRefused());

        assertThatThrownBy(() -> RulePackLoader.load(pack))
                .isInstanceOfSatisfying(RulePackRefusedException.class, e -> assertThat(e.getMessage())
                        .contains(HostilePacks.expected(HostilePacks.sourceRefused())));
        assertThat(HostilePacks.markersPresent()).isEmpty();
    }

    @Test
    void shouldLoadRuleCodeThatUsesOnlyAllowedTypes() throws IOException {
        Path pack = HostilePacks.pack(dir, List.of());
        Files.writeString(pack.resolve("common/allowed.drl"), """
                package common;
                import java.math.BigDecimal;
                import java.time.LocalDate;
                import java.util.*;
                import java.util.stream.Collectors;
                import org.clearance.facts.Finding;
                import org.clearance.facts.Line;

                function String shout(String text) {
                    return text.toUpperCase(Locale.ROOT);
                }

                rule "ALL-ALLOWED-01 Allowed code: collections, streams, lambdas, java.time, java.math, Math, String"
                    @id("ALL-ALLOWED-01") @jurisdiction("ALL") @severity("INFO") @citation("none") @effective("2022-01-01")
                when
                    $line : Line( !classified, description != null, description.length() > Math.min(1, 2) )
                    eval( LocalDate.of(2024, 1, 1).isAfter(LocalDate.of(2022, 1, 1)) )
                then
                    List<String> words = new ArrayList<>(Arrays.asList($line.description().split(" ")));
                    String joined = shout(words.stream().map(w -> w.trim()).collect(Collectors.joining("-")));
                    BigDecimal total = new BigDecimal("1.5").add(BigDecimal.valueOf(Math.max(1, 2)));
                    Map<String, Integer> counts = new HashMap<>();
                    counts.merge(joined, Integer.valueOf(1), Integer::sum);
                    String text = String.format("%s %s %d", joined, total.toPlainString(), counts.size()) + Optional.of("x").orElse("y");
                end
                """, StandardCharsets.UTF_8);

        RulePack pack1 = RulePackLoader.load(pack);

        assertThat(pack1.rules()).extracting(r -> r.id()).contains("ALL-ALLOWED-01");
    }

    @Test
    void shouldRefuseACompiledConsequenceEvenWhenTheSourceScreenIsBypassed() {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        var resource = ResourceFactory.newFileResource(HostilePacks.FILES.resolve("exec-in-consequence.drl").toFile());
        resource.setSourcePath("hostile/exec-in-consequence.drl");
        builder.add(resource, ResourceType.DRL);
        assertThat(builder.hasErrors()).as(builder.getErrors().toString()).isFalse();

        List<RulePackProblem> problems = RulePackGuard.screenCompiled(builder.getKnowledgePackages(),
                Map.of("hostile.HOSTILE-01 exec in a consequence", new RulePackGuard.Location("hostile/exec-in-consequence.drl", 4)));

        assertThat(problems).extracting(RulePackProblem::toString).contains(
                "hostile/exec-in-consequence.drl:4: rule \"HOSTILE-01 exec in a consequence\" uses java.lang.Runtime.getRuntime, which rules may not call",
                "hostile/exec-in-consequence.drl:4: rule \"HOSTILE-01 exec in a consequence\" uses java.lang.Runtime.exec, which rules may not call");
    }

    @Test
    void shouldStopRuleTestsThatNeverFinishAtTheTimeBudget() {
        Path pack = HostilePacks.budgetPack(dir);
        long start = System.nanoTime();

        PackCheck check = RulePackChecker.check(pack, Duration.ofSeconds(2));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(check.valid()).isFalse();
        assertThat(check.refusedCode()).isTrue();
        assertThat(check.reasons()).containsExactly("(rule tests): the rule tests did not finish within 2 s "
                + "(clearance.reload.check-timeout): a rule loops or keeps firing; it was stopped");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("rule-check") && t.isAlive());
    }
}
