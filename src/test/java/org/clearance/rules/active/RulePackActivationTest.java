package org.clearance.rules.active;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.clearance.audit.AuditAction;
import org.clearance.rules.FileTrees;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.reload.PackCheck;
import org.clearance.rules.reload.ReloadTrigger;
import org.clearance.rules.reload.RulePackContents;
import org.clearance.rules.reload.RulePackRejectedException;
import org.clearance.rules.reload.RulePackVersions;
import org.clearance.rules.reload.TempRules;
import org.clearance.security.Actor;
import org.clearance.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Activation writes the active row with the pack's content, version and audit record in one transaction, changes
 * nothing for a pack that is active already or refused, and a serving registry follows a pack activated by another
 * process. On the small reload pack, served from a temp copy.
 */
@QuarkusTest
@Tag("database")
@TestSecurity(user = "author.rui", roles = {Roles.RULE_AUTHOR})
@TestProfile(TempRules.Profile.class)
class RulePackActivationTest {

    private static final Actor OPERATOR = new Actor("cli:activation-test", Roles.ALL);
    private static final String TEST_FILE = "eu/no-russia-clause.tests.yaml";
    private static final String RULE_FILE = "eu/no-russia-clause.drl";

    @Inject
    RulePackActivation activations;

    @Inject
    RulePackContents contents;

    @Inject
    RulePackRegistry registry;

    @Inject
    RulePackVersions versions;

    @Inject
    ActivePackFollower follower;

    @Inject
    EntityManager em;

    @BeforeEach
    @AfterEach
    void serveTheFolderWithoutAnActivePack() {
        follower.stop();
        // As on a fresh install: a reload in another test class on this database leaves an active pack, and other
        // test classes expect none.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM active_rule_pack").executeUpdate());
        registry.load(TempRules.dir());
    }

    @Test
    void shouldWriteTheActiveRowOnceAndChangeNothingWhenTheSameHashIsActivatedAgain() throws IOException {
        Path pack = packCopy();
        long before = activations.active().map(ActivePack::activation).orElse(0L);

        Activation first = activations.activate(pack, ReloadTrigger.CLI, OPERATOR);
        ActivePack active = activations.active().orElseThrow();

        String hash = RulePackLoader.load(pack).hash();
        assertThat(first.alreadyActive()).isFalse();
        assertThat(active).isEqualTo(first.active());
        assertThat(active.hash()).isEqualTo(hash);
        assertThat(active.activation()).isEqualTo(before + 1);
        assertThat(active.activatedBy()).isEqualTo(OPERATOR.name());
        assertThat(active.directory()).isEqualTo(pack.toAbsolutePath().normalize().toString());
        assertThat(first.rules()).isEqualTo(RulePackLoader.load(pack).rules().size());
        assertThat(contents.stored(hash)).as("the pack's files, by hash").isTrue();
        assertThat(versionRows(hash)).isEqualTo(1);
        assertThat(versionOf(active.versionId())).isEqualTo(hash);
        assertThat(activationAudits(hash)).isEqualTo(1);

        Activation again = activations.activate(pack, ReloadTrigger.CLI, OPERATOR);

        assertThat(again.alreadyActive()).isTrue();
        assertThat(activations.active()).contains(active);
        assertThat(versionRows(hash)).as("no second version").isEqualTo(1);
        assertThat(activationAudits(hash)).as("no second audit record").isEqualTo(1);
    }

    @Test
    void shouldStoreExactlyThePackItCheckedWhenAFileIsSavedBetweenCheckAndStore() throws IOException {
        Path pack = packCopy();
        String checked = RulePackLoader.load(pack).hash();
        activations.afterCheck(() -> append(pack.resolve(RULE_FILE), "// saved while the pack was being activated\n"));

        Activation done;
        try {
            done = activations.activate(pack, ReloadTrigger.CLI, OPERATOR);
        } finally {
            activations.afterCheck(null);
        }

        assertThat(RulePackLoader.load(pack).hash()).as("the folder did change").isNotEqualTo(checked);
        assertThat(done.active().hash()).isEqualTo(checked);
        assertStoredAsChecked(checked);
    }

    @Test
    void shouldStoreExactlyThePackAReloadCheckedWhenAFileIsSavedBetweenCheckAndStore() throws IOException {
        Path pack = packCopy();
        String checked = RulePackLoader.load(pack).hash();
        registry.useFolder(pack);
        activations.afterCheck(() -> append(pack.resolve(RULE_FILE), "// saved while the pack was being reloaded\n"));

        try {
            given().post("/api/v1/rules/reload").then().statusCode(200).body("rule_pack", equalTo(checked));
        } finally {
            activations.afterCheck(null);
        }

        assertThat(activations.active().orElseThrow().hash()).isEqualTo(checked);
        assertThat(registry.current().hash()).isEqualTo(checked);
        assertStoredAsChecked(checked);
    }

    @Test
    void shouldActivateNothingWhenThePackFilesNoLongerHashToTheCheckedPack() throws IOException {
        Path folder = packCopy();
        RulePack checked = RulePackLoader.load(folder); // a caller that checked the folder itself, not a copy
        append(folder.resolve(RULE_FILE), "// saved after the check\n");
        Optional<ActivePack> before = activations.active();

        assertThatThrownBy(() -> activations.activateChecked(checked, folder, ReloadTrigger.CLI, OPERATOR))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("changed after its check");

        assertThat(activations.active()).isEqualTo(before);
        assertThat(versionRows(checked.hash())).isZero();
        assertThat(contents.stored(checked.hash())).isFalse();
        assertThat(activationAudits(checked.hash())).isZero();
    }

    @Test
    void shouldKeepOneVersionPerPackWhenAnEarlierPackIsActivatedAgain() throws IOException {
        Path a = packCopy();
        Path b = packCopy();
        String hashA = RulePackLoader.load(a).hash();
        String hashB = RulePackLoader.load(b).hash();

        ActivePack first = activations.activate(a, ReloadTrigger.CLI, OPERATOR).active();
        ActivePack second = activations.activate(b, ReloadTrigger.CLI, OPERATOR).active();
        Activation again = activations.activate(a, ReloadTrigger.CLI, OPERATOR);

        assertThat(again.alreadyActive()).as("B was active in between").isFalse();
        assertThat(again.active().activation()).isEqualTo(first.activation() + 2);
        assertThat(again.active().versionId()).as("A's first version").isEqualTo(first.versionId())
                .isNotEqualTo(second.versionId());
        assertThat(versionRows(hashA)).isEqualTo(1);
        assertThat(versionRows(hashB)).isEqualTo(1);
        assertThat(activationAudits(hashA)).as("every activation is audited").isEqualTo(2);
        assertThat(activationAudits(hashB)).isEqualTo(1);
        assertThat(versions.list(again.active().versionId())).filteredOn(v -> v.hash().equals(hashA))
                .singleElement().satisfies(v -> {
                    assertThat(v.id()).isEqualTo(first.versionId());
                    assertThat(v.live()).isTrue();
                });
    }

    @Test
    void shouldChangeNothingWhenAPackIsRefused() throws IOException {
        activations.activate(packCopy(), ReloadTrigger.CLI, OPERATOR);
        ActivePack before = activations.active().orElseThrow();
        long versions = count("SELECT COUNT(*) FROM rule_pack_version");
        Path failingTest = packCopy();
        replace(failingTest.resolve(TEST_FILE), "decision: REVIEW", "decision: BLOCK");
        Path broken = packCopy();
        Files.writeString(broken.resolve(RULE_FILE), "\nrule \"EU-TMP-02 broken\"\nwhen\n    $order : Order( \nthen\nend\n",
                StandardOpenOption.APPEND);

        PackCheck failing = refusal(failingTest);
        PackCheck notLoading = refusal(broken);

        assertThat(failing.loads()).as("it compiles; a rule test fails").isTrue();
        assertThat(failing.reasons()).anyMatch(r -> r.contains("decision: expected BLOCK, got REVIEW"));
        assertThat(notLoading.loads()).isFalse();
        assertThat(activations.active()).contains(before);
        assertThat(count("SELECT COUNT(*) FROM rule_pack_version")).isEqualTo(versions);
        assertThat(contents.stored(failing.rulePack())).as("no content of the refused pack").isFalse();
    }

    @Test
    void shouldSwapToAPackActivatedByAnotherProcessAndActivateTheFolderOnReload() throws Exception {
        String folderHash = registry.current().hash();
        follower.start();
        Path other = packCopy();
        String otherHash = RulePackLoader.load(other).hash();

        // Another process (the CLI) activates a pack and its folder is gone before this server polls: the server
        // can only have it from the database.
        long activated = System.nanoTime();
        ActivePack active = activations.activate(other, ReloadTrigger.CLI, OPERATOR).active();
        FileTrees.delete(other);
        awaitLivePack(otherHash, Duration.ofSeconds(20));
        long propagationMillis = (System.nanoTime() - activated) / 1_000_000;

        assertThat(propagationMillis).as("within a few polls of 2 s").isLessThan(10_000);
        assertThat(registry.live().versionId()).isEqualTo(active.versionId());
        assertThat(registry.activation()).isEqualTo(active.activation());
        assertThat(registry.current().directory()).as("restored from the database").isNotEqualTo(other);
        given().get("/api/v1/rules").then().statusCode(200).body("rule_pack", equalTo(otherHash));
        System.out.printf("active pack propagation (poll every 2 s): %d ms%n", propagationMillis);

        // A reload reads this server's folder and activates it for everyone.
        given().post("/api/v1/rules/reload").then().statusCode(200)
                .body("rule_pack", equalTo(folderHash))
                .body("changed", equalTo(true));
        ActivePack reloaded = activations.active().orElseThrow();
        assertThat(reloaded.hash()).isEqualTo(folderHash);
        assertThat(reloaded.activation()).isEqualTo(active.activation() + 1);
        assertThat(reloaded.activatedBy()).isEqualTo("author.rui");
        assertThat(registry.activation()).isEqualTo(reloaded.activation());
    }

    @Test
    void shouldLoadTheActivePackAtStartAndTheFolderWithoutOne() throws IOException {
        String folderHash = registry.current().hash();
        assertThat(follower.loadActive()).as("nothing activated: serve loads its folder").isFalse();
        assertThat(registry.current().hash()).isEqualTo(folderHash);
        Path other = packCopy();
        ActivePack active = activations.activate(other, ReloadTrigger.CLI, OPERATOR).active();

        assertThat(follower.loadActive()).isTrue();

        assertThat(registry.current().hash()).isEqualTo(active.hash()).isNotEqualTo(folderHash);
        assertThat(registry.live().versionId()).isEqualTo(active.versionId());
    }

    @Test
    void shouldNumberTwoActivationsAtTheSameMomentOneAfterTheOther() throws Exception {
        // No active row yet: both insert the first row, and one of them must retry.
        Path first = packCopy();
        Path second = packCopy();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.CompletableFuture<Activation>> both = java.util.List.of(first, second).stream()
                .map(pack -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return activations.activate(pack, ReloadTrigger.CLI, OPERATOR);
                })).toList();
        start.countDown();

        java.util.List<Long> numbers = new java.util.ArrayList<>();
        for (var activation : both) {
            numbers.add(activation.get(60, java.util.concurrent.TimeUnit.SECONDS).active().activation());
        }

        assertThat(numbers).containsExactlyInAnyOrder(1L, 2L);
        ActivePack last = activations.active().orElseThrow();
        assertThat(last.activation()).isEqualTo(2);
        assertThat(last.hash()).isIn(RulePackLoader.load(first).hash(), RulePackLoader.load(second).hash());
        assertThat(activationAudits(RulePackLoader.load(first).hash()) + activationAudits(RulePackLoader.load(second).hash()))
                .isEqualTo(2);
    }

    @Test
    void shouldNotFollowAnActivationReadBeforeTheRegistryMovedOn() throws IOException {
        RulePack live = registry.current();
        long seen = registry.activation();
        RulePack older = RulePackLoader.load(packCopy());
        ActivePack stale = new ActivePack(seen + 1, older.hash(), 1, "cli:someone", Instant.now(), null);

        boolean followed = registry.follow(older, stale, seen - 1);

        assertThat(followed).isFalse();
        assertThat(registry.current()).isSameAs(live);
    }

    @Test
    void shouldTellACommandLineRunWhenItsFolderIsNotTheActivePack() throws IOException {
        Path folder = packCopy();
        RulePack folderPack = RulePackLoader.load(folder);
        assertThat(activations.folderDiffers(folderPack, folder)).as("nothing active").isEmpty();

        activations.activate(packCopy(), ReloadTrigger.CLI, OPERATOR);
        Optional<String> notice = activations.folderDiffers(folderPack, folder);

        assertThat(notice).get().asString().contains(folderPack.shortHash())
                .contains("differs from the active pack " + activations.active().orElseThrow().shortHash())
                .contains("'clearance rules activate " + folder + "' makes it live");
        activations.activate(folder, ReloadTrigger.CLI, OPERATOR);
        assertThat(activations.folderDiffers(folderPack, folder)).as("the folder is active").isEmpty();
    }

    private PackCheck refusal(Path pack) {
        RulePackRejectedException refused = catchThrowableOfType(RulePackRejectedException.class,
                () -> activations.activate(pack, ReloadTrigger.CLI, OPERATOR));
        assertThat(refused).as("refused").isNotNull();
        return refused.check();
    }

    /** A copy of the small pack with a hash of its own, so that no earlier run has activated or stored it. */
    private static Path packCopy() throws IOException {
        Path copy = Files.createTempDirectory("clearance-activation-test-").resolve("rules");
        FileTrees.copy(TempRules.ORIGINAL, copy);
        Files.writeString(copy.resolve(RULE_FILE), "\n// " + UUID.randomUUID() + "\n", StandardOpenOption.APPEND);
        return copy;
    }

    /** The stored files of {@code hash} restore to a pack with that very hash, without the file saved meanwhile. */
    private void assertStoredAsChecked(String hash) throws IOException {
        Path restored = Files.createTempDirectory("clearance-activation-restored-");
        try {
            assertThat(contents.restore(hash, restored)).as("stored").isTrue();
            assertThat(RulePackLoader.load(restored).hash()).as("the stored files hash to the checked hash").isEqualTo(hash);
            assertThat(Files.readString(restored.resolve(RULE_FILE))).doesNotContain("saved while");
        } finally {
            FileTrees.deleteQuietly(restored);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private void awaitLivePack(String hash, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!registry.current().hash().equals(hash) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(registry.current().hash()).as("the live pack after the poll").isEqualTo(hash);
    }

    private long versionRows(String hash) {
        return count("SELECT COUNT(*) FROM rule_pack_version WHERE hash = '" + hash + "'");
    }

    private String versionOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT hash FROM rule_pack_version WHERE id = ?1").setParameter(1, id).getSingleResult());
    }

    private long activationAudits(String hash) {
        return count("SELECT COUNT(*) FROM audit_event WHERE action = '" + AuditAction.RULE_PACK_ACTIVATED
                + "' AND subject = '" + hash + "'");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
