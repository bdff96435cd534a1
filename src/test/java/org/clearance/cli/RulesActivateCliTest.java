package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearance.rules.FileTrees;
import org.clearance.rules.active.RulePackActivation;
import org.clearance.testing.OwnDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code clearance rules activate DIR} through the real CLI: every exit code, and a second activation changes nothing. */
@QuarkusTest
@Tag("cli")
@TestProfile(RulesActivateCliTest.ActivatingDatabase.class)
class RulesActivateCliTest {

    /** Activating a pack changes what the application screens with: an application and database of its own. */
    public static class ActivatingDatabase extends OwnDatabase {
    }

    @Inject
    Cli cli;

    @Inject
    RulePackActivation activations;

    @Inject
    EntityManager em;

    private static final Path SMALL_PACK = Path.of("src/test/resources/reload-pack").toAbsolutePath();
    private static final String RULE_FILE = "eu/no-russia-clause.drl";

    @Test
    void shouldActivateAFolderOnceAndRefuseWhatWouldNotGoLiveWithTheDocumentedExitCodes()
            throws IOException {
        CliRun missing = cli.launch("rules", "activate", "no/such/folder");
        Path failing = packCopy();
        Path tests = failing.resolve("eu/no-russia-clause.tests.yaml");
        Files.writeString(tests, Files.readString(tests).replaceFirst("decision: REVIEW", "decision: BLOCK"));
        CliRun failingTests = cli.launch("rules", "activate", failing.toString());
        Path broken = packCopy();
        Files.writeString(broken.resolve(RULE_FILE), "\nrule \"EU-TMP-02 broken\"\nwhen\n    $o : Order( \nthen\nend\n",
                StandardOpenOption.APPEND);
        CliRun notLoading = cli.launch("rules", "activate", broken.toString());

        assertThat(missing.exitCode()).as(missing.errors()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.errors()).contains("clearance: no/such/folder is not a folder");
        assertThat(failingTests.exitCode()).as(failingTests.errors()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(failingTests.errors()).contains("was refused (1 problem(s)); the active pack is unchanged:",
                "decision: expected BLOCK, got REVIEW");
        assertThat(notLoading.exitCode()).as(notLoading.errors()).isEqualTo(ExitCodes.RULE_PACK);
        assertThat(notLoading.errors()).contains("was refused", RULE_FILE + ":");
        assertThat(missing.errors() + failingTests.errors() + notLoading.errors())
                .doesNotContain("\tat ");

        Path pack = packCopy();
        CliRun activated = cli.launch("rules", "activate", pack.toString());
        CliRun again = cli.launch("rules", "activate", pack.toString());

        assertThat(activated.exitCode()).as(activated.errors()).isEqualTo(ExitCodes.OK);
        Matcher first = Pattern.compile("rule pack ([0-9a-f]{64}) is now active \\(activation (\\d+)\\): 3 rules from ")
                .matcher(activated.output());
        assertThat(first.find()).as(activated.output()).isTrue();
        assertThat(again.exitCode()).as(again.errors()).isEqualTo(ExitCodes.OK);
        assertThat(again.output()).contains("rule pack " + first.group(1) + " was already active (activation "
                + first.group(2) + ", by cli:").contains("3 rules; nothing changed");
    }

    @Test
    void shouldPullABundleAndActivateItAsTheCliOperator() throws IOException {
        Path work = Files.createTempDirectory("clearance-pull-activate-");
        String key = work.resolve("acme").toString();
        assertThat(cli.launch("packs", "keygen", key).exitCode()).isEqualTo(ExitCodes.OK);
        Path bundle = work.resolve("eu-legal-1.4.0.tar.gz");
        CliRun build = cli.launch("packs", "build", packCopy().toString(), "--sign", key + ".key", "--output", bundle.toString(),
                "--name", "eu-legal", "--pack-version", "1.4.0", "--publisher", "Acme", "--jurisdiction", "EU");
        assertThat(build.exitCode()).as(build.errors()).isEqualTo(ExitCodes.OK);
        Path into = work.resolve("packs/eu-legal/1.4.0");

        CliRun pull = cli.launch("packs", "pull", bundle.toString(), "--trust", key + ".pub", "--into", into.toString(), "--activate");

        assertThat(pull.exitCode()).as(pull.errors()).isEqualTo(ExitCodes.OK);
        Matcher active = Pattern.compile("Rule pack ([0-9a-f]{64}) is now active \\(activation \\d+\\): 3 rules from " + Pattern.quote(into.toString()))
                .matcher(pull.output());
        assertThat(active.find()).as(pull.output()).isTrue();
        assertThat(activations.active()).get().satisfies(a -> {
            assertThat(a.hash()).isEqualTo(active.group(1));
            assertThat(a.activatedBy()).startsWith("cli:");
            assertThat(a.directory()).isEqualTo(into.toAbsolutePath().normalize().toString());
        });
        FileTrees.deleteQuietly(work);
    }

    @Test
    void shouldTestAndActivateAnOverlayOnAPulledBaseWithItsOverridesOnTheAuditTrailAndInFindings() throws IOException {
        Path work = Files.createTempDirectory("clearance-overlay-");
        String key = work.resolve("acme").toString();
        assertThat(cli.launch("packs", "keygen", key).exitCode()).isEqualTo(ExitCodes.OK);
        Path base = packCopy();
        pullVersion(work, key, base, "2.0.0");
        Path overlay = overlayOn(work.resolve("overlay"), "2.0.0");

        CliRun tested = cli.launch("rules", "test", overlay.toString());
        CliRun activated = cli.launch("rules", "activate", overlay.toString());
        Path order = work.resolve("order.json");
        Files.writeString(order, Files.readString(SMALL_PACK.resolve("bases/eu-chips-to-kazakhstan.json"))
                .replace("\"no_russia_clause\": true", "\"no_russia_clause\": false"));
        CliRun screened = cli.launch("screen", "--rules", overlay.toString(), "--format", "json", order.toString());

        assertThat(tested.exitCode()).as(tested.output() + tested.errors()).isEqualTo(ExitCodes.OK);
        assertThat(activated.exitCode()).as(activated.errors()).isEqualTo(ExitCodes.OK);
        Matcher active = Pattern.compile("rule pack ([0-9a-f]{64}) is now active").matcher(activated.output());
        assertThat(active.find()).as(activated.output()).isTrue();
        @SuppressWarnings("unchecked")
        List<Object[]> overrides = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT subject, content_hash, actor FROM audit_event WHERE action = 'rule.override_activated'"
                        + " AND content_hash = ?1").setParameter(1, active.group(1)).getResultList());
        assertThat(overrides).singleElement().satisfies(row -> {
            assertThat(row[0]).isEqualTo("EU-12G-01");
            assertThat((String) row[2]).startsWith("cli:");
        });
        assertThat(screened.output()).as(screened.errors())
                .contains("Overridden by the overlay (severity REVIEW \u2192 BLOCK): The board requires the clause");
        String storedNote = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT f.override_note FROM screening_finding f JOIN screening s ON s.id = f.screening_id"
                        + " WHERE s.source = ?1 AND f.rule_id = 'EU-12G-01'").setParameter(1, order.toString()).getSingleResult());
        assertThat(storedNote).contains("severity REVIEW \u2192 BLOCK", "Jane Doe");
        CliRun verified = cli.launch("audit", "verify");
        assertThat(verified.exitCode()).as("the stored screening's hash covers its override: %s", verified).isEqualTo(ExitCodes.OK);

        // The publisher's next version also covers Kyrgyzstan: diff shows the orders it changes before it goes live.
        Path crimea = base.resolve("us/crimea.drl");
        Files.writeString(crimea, Files.readString(crimea).replace("buyer.country == \"UA\"", "buyer.country in (\"UA\", \"KG\")"));
        pullVersion(work, key, base, "2.1.0");
        Path next = overlayOn(work.resolve("overlay-next"), "2.1.0");
        Path kyrgyz = work.resolve("corpus/kyrgyz-order.json");
        Files.createDirectories(kyrgyz.getParent());
        Files.writeString(kyrgyz, Files.readString(SMALL_PACK.resolve("bases/eu-chips-to-kazakhstan.json"))
                .replace("\"country\": \"KZ\"", "\"country\": \"KG\""));
        CliRun diff = cli.launch("rules", "diff", "--base", overlay.toString(), "--rules", next.toString(),
                "--corpus", kyrgyz.getParent().toString(), "--fail-on-change");
        assertThat(diff.exitCode()).as(diff.output() + diff.errors()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(diff.output()).contains("~ US-CRIMEA-01", "CLEAR -> BLOCK", "+ US-CRIMEA-01 BLOCK");

        // A base file changed after the pull: the stack no longer loads, and says which file.
        Path rule = work.resolve("packs/eu-legal/2.0.0/us/crimea.drl");
        Files.writeString(rule, Files.readString(rule).replace("\"UA\"", "\"RU\""));
        CliRun tampered = cli.launch("rules", "activate", overlay.toString());
        assertThat(tampered.exitCode()).as(tampered.errors()).isEqualTo(ExitCodes.RULE_PACK);
        assertThat(tampered.errors()).contains("us/crimea.drl", "differs from its signed manifest").doesNotContain("\tat ");
        FileTrees.deleteQuietly(work);
    }

    /** Builds {@code folder} as version {@code version} of eu-legal, signed with {@code key}, and pulls it under {@code work}. */
    private void pullVersion(Path work, String key, Path folder, String version) {
        Path bundle = work.resolve("eu-legal-" + version + ".tar.gz");
        CliRun build = cli.launch("packs", "build", folder.toString(), "--sign", key + ".key", "--output", bundle.toString(),
                "--name", "eu-legal", "--pack-version", version, "--publisher", "Acme", "--jurisdiction", "EU");
        assertThat(build.exitCode()).as(build.errors()).isEqualTo(ExitCodes.OK);
        CliRun pull = cli.launch("packs", "pull", bundle.toString(), "--trust", key + ".pub", "--into",
                work.resolve("packs/eu-legal/" + version).toString());
        assertThat(pull.exitCode()).as(pull.errors()).isEqualTo(ExitCodes.OK);
    }

    /** An overlay on eu-legal {@code version} that raises EU-12G-01 to BLOCK. */
    private static Path overlayOn(Path overlay, String version) throws IOException {
        Files.createDirectories(overlay);
        Files.writeString(overlay.resolve("stack.yaml"), "bases:\n  - ../packs/eu-legal/" + version + "\n");
        Files.writeString(overlay.resolve("overrides.yaml"), """
                rules:
                  - rule: EU-12G-01
                    severity: BLOCK
                    reason: The board requires the clause in every contract.
                    author: Jane Doe, Head of Export Compliance
                """);
        return overlay;
    }

    /** A copy of the small pack with a hash of its own, so that no earlier run has activated it. */
    private static Path packCopy() throws IOException {
        Path copy = Files.createTempDirectory("clearance-activate-cli-").resolve("rules");
        FileTrees.copy(SMALL_PACK, copy);
        Files.writeString(copy.resolve(RULE_FILE), "\n// " + UUID.randomUUID() + "\n", StandardOpenOption.APPEND);
        return copy;
    }
}
