package org.clearance.rules.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.guard.HostilePacks;
import org.clearance.security.Actor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packs that share a file go live at the same moment (a reload beside a first screening, or two servers on one
 * database): both are recorded, each file is stored once, and either can be restored.
 */
@QuarkusTest
@Tag("database")
class RulePackVersionsConcurrencyTest {

    private static final int ROUNDS = 4;

    @Inject
    RulePackVersions versions;

    @Inject
    RulePackContents contents;

    @TempDir
    Path dir;

    @Test
    void shouldRecordTwoPacksSharingANewFileAtOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String shared = dataFile(UUID.randomUUID().toString());
            RulePack first = pack("first-" + round, shared, dataFile("a"));
            RulePack second = pack("second-" + round, shared, dataFile("b"));
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Long>> recorded = List.of(first, second).stream()
                    .map(pack -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return versions.record(pack, ReloadTrigger.API, Actor.system("test"));
                    })).toList();
            start.countDown();

            assertThat(recorded).allSatisfy(id -> assertThat(id.get()).isPositive());
            Path restored = dir.resolve("restored-" + round);
            assertThat(contents.restore(second.hash(), restored)).isTrue();
            assertThat(restored.resolve("data/test/shared.csv")).hasContent(shared.strip());
        }
    }

    @Test
    void shouldRecordAStartWithTheNewestVersionsPackOnlyOnce() throws Exception {
        String shared = dataFile(UUID.randomUUID().toString());
        RulePack pack = pack("restarted", shared, dataFile("a"));
        RulePack other = pack("other", shared, dataFile("b"));

        long first = versions.recordStart(pack, Actor.system("startup"));
        long restarted = versions.recordStart(pack, Actor.system("startup"));
        long changed = versions.recordStart(other, Actor.system("startup"));
        long back = versions.recordStart(pack, Actor.system("startup"));

        assertThat(restarted).as("a restart with the same pack").isEqualTo(first);
        assertThat(changed).as("another pack").isGreaterThan(first);
        assertThat(back).as("the first pack again, after another went live: its version").isEqualTo(first);
    }

    @Test
    void shouldRecordAPackWhoseFolderChangedSinceItLoadedWithoutKeepingOtherFilesUnderItsHash() throws Exception {
        RulePack pack = pack("edited", dataFile(UUID.randomUUID().toString()), dataFile("a"));
        Files.writeString(pack.directory().resolve("data/test/own.csv"), dataFile("edited after loading"));

        long id = versions.recordStart(pack, Actor.system("startup"));

        assertThat(id).as("screenings still get their version").isPositive();
        assertThat(contents.stored(pack.hash())).as("no files that would replay as another pack").isFalse();
    }

    /** The hostile-pack base (one small rule) plus a data file both packs share and one of its own. */
    private RulePack pack(String name, String shared, String own) throws Exception {
        Path pack = HostilePacks.pack(dir.resolve(name), List.of());
        Path data = Files.createDirectories(pack.resolve("data/test"));
        Files.writeString(data.resolve("shared.csv"), shared);
        Files.writeString(data.resolve("own.csv"), own);
        return RulePackLoader.load(pack);
    }

    private static String dataFile(String key) {
        return "# source: test data\n# version: test\n# completeness: complete - test data\nkey,value\n" + key + ",1\n";
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
