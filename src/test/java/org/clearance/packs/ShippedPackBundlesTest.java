package org.clearance.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clearance.reports.RuleTestJunitWriter;
import org.clearance.rules.RulePackInvalidException;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.cases.RuleCaseRunner;
import org.clearance.rules.cases.RuleTestReport;
import org.clearance.rules.layers.Layers;
import org.clearance.rules.layers.PackStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped pack as its publisher ships it: {@code rules/bundles.yaml} splits it into a common base and one bundle
 * per regime, built and signed here with the project's test key into {@code target/shipped-packs}. Pulled and
 * stacked in that order under an empty overlay, the bundles compose back to exactly the files of {@code rules/};
 * a regime stacked on the common base alone passes its own layer's cases.
 */
class ShippedPackBundlesTest {

    private static final Path RULES = Path.of("rules");
    private static final Path TEST_KEY = Path.of("examples/keys/clearance-test.key");
    private static final Path TEST_PUBLIC_KEY = Path.of("examples/keys/clearance-test.pub");
    private static final List<String> NAMES = List.of("clearance-common", "clearance-us", "clearance-eu", "clearance-uk",
            "clearance-jp");

    @TempDir
    static Path work;
    private static List<PackManifest> manifests;

    @BeforeAll
    static void buildAndPullTheShippedBundles() {
        Path output = Path.of("target", "shipped-packs");
        manifests = PackSplit.build(RULES, PackKeys.readSigningKey(TEST_KEY), output);
        TrustedKeys trusted = TrustedKeys.read(List.of(TEST_PUBLIC_KEY));
        for (PackManifest manifest : manifests) {
            PackPull.pull(output.resolve(manifest.name() + "-" + manifest.version() + ".tar.gz"), trusted, null,
                    work.resolve("packs"), false, PackBundleLimits.DEFAULT);
        }
    }

    @Test
    void shouldBuildACommonBaseAndOneSignedBundlePerRegimeThatRequiresIt() {
        assertThat(manifests).extracting(PackManifest::name).containsExactlyElementsOf(NAMES);
        assertThat(manifests.get(0).requires()).isEmpty();
        for (PackManifest regime : manifests.subList(1, manifests.size())) {
            assertThat(regime.requires()).singleElement()
                    .satisfies(r -> assertThat(r.metBy("clearance-common", manifests.get(0).version())).isTrue());
            assertThat(regime.jurisdictions()).singleElement().isEqualTo(regime.name().substring("clearance-".length())
                    .toUpperCase(java.util.Locale.ROOT));
        }
        assertThat(manifests.get(1).files()).extracting(f -> f.path().value())
                .contains("us/de-minimis.drl", "data/us/software-classes.csv", "bases/data/us/supp7-hts6.csv")
                .noneMatch(path -> path.startsWith("eu/") || path.startsWith("common/"));
    }

    @Test
    void shouldComposeTheFiveBundlesStackedUnderAnEmptyOverlayBackToTheShippedFolder() throws IOException {
        Path overlay = overlay("full", NAMES);

        Path composed = PackStack.resolve(overlay);

        Map<String, String> shipped = packFiles(RULES);
        Map<String, String> stacked = packFiles(composed);
        stacked.remove(Layers.FILE);
        assertThat(stacked).isEqualTo(shipped);
        Layers layers = Layers.of(composed).orElseThrow();
        assertThat(layers.layerOf("us/de-minimis.drl").label()).isEqualTo("clearance-us 0.1.0 (Clearance project)");
        assertThat(layers.layers().get(1).requires()).containsExactly("clearance-common");

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(composed)).run(overlay);
        assertThat(report.failures()).isEmpty();
        assertThat(report.fileErrors()).isEmpty();
        assertThat(report.uncovered()).isEmpty();
        assertThat(report.skipped()).isEmpty();
        assertThat(report.passed()).isEqualTo(report.cases().size());
    }

    @Test
    void shouldPassTheUsLayersOwnCasesOnTheCommonBaseAloneAndSkipThoseThatExpectOtherRegimesRules() throws IOException {
        Path overlay = overlay("us-only", List.of("clearance-common", "clearance-us"));

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(PackStack.resolve(overlay))).run(overlay);

        assertThat(report.failures()).isEmpty();
        assertThat(report.uncovered()).isEmpty();
        assertThat(report.passed()).isGreaterThan(100);
        assertThat(report.skipped()).isNotEmpty().allSatisfy(skipped -> {
            assertThat(skipped.reason()).startsWith("expects ").endsWith(", which no layer of this stack holds");
            String expected = skipped.reason().substring("expects ".length(), skipped.reason().indexOf(", which"));
            assertThat(expected.split(", ")).noneMatch(id -> id.startsWith("US-") || id.startsWith("ALL-"));
        });
        java.io.StringWriter junit = new java.io.StringWriter();
        new RuleTestJunitWriter().write(report, List.of(), new java.io.PrintWriter(junit));
        assertThat(junit.toString().split("<skipped message=\"expects ", -1)).hasSize(report.skipped().size() + 1);
    }

    @Test
    void shouldRefuseARegimeStackedWithoutTheCommonBaseItRequires() throws IOException {
        Path overlay = overlay("no-common", List.of("clearance-eu"));

        assertThatThrownBy(() -> PackStack.resolve(overlay)).isInstanceOf(RulePackInvalidException.class)
                .hasMessageContaining("(clearance-eu 0.1.0) builds on clearance-common 0.1.0 or a later 0.1.x, which is "
                        + "not a base below it");
    }

    private static Path overlay(String name, List<String> bases) throws IOException {
        Path overlay = Files.createDirectories(work.resolve(name));
        StringBuilder stack = new StringBuilder("bases:\n");
        bases.forEach(base -> stack.append("  - ../packs/").append(base).append("/0.1.0\n"));
        Files.writeString(overlay.resolve(PackStack.STACK_FILE), stack);
        return overlay;
    }

    /** Every rule, test and data file under {@code root}, by relative path, with its content. */
    private static Map<String, String> packFiles(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (PackStack.isPackFile(relative) || relative.equals(Layers.FILE)) {
                    files.put(relative, Files.readString(file));
                }
            }
        }
        return files;
    }
}
