package org.clearance.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing a verified bundle for packs pull: ROOT/NAME/VERSION, a second pull, another folder's files, downgrades. */
class PackBundlePullTest {

    @TempDir
    Path dir;

    private final SigningKey key = TestBundles.newKey();
    private final TrustedKeys trusted = TrustedKeys.of(key.publicKey());

    @Test
    void shouldUnpackIntoRootNameVersionAndSeeASecondPullOfTheSameFilesAsDone() throws IOException {
        Path root = dir.resolve("packs");
        Path bundle = bundle("1.4.0");

        PulledPack first = PackPull.pull(bundle, trusted, null, root, false, PackBundleLimits.DEFAULT);
        PulledPack second = PackPull.pull(bundle, trusted, null, root, false, PackBundleLimits.DEFAULT);

        assertThat(first.folder()).isEqualTo(root.resolve("eu-legal/1.4.0"));
        assertThat(first.alreadyPulled()).isFalse();
        assertThat(first.folder().resolve("us/crimea.drl")).hasSameTextualContentAs(TestBundles.SMALL_PACK.resolve("us/crimea.drl"));
        assertThat(second.alreadyPulled()).isTrue();
        try (var entries = Files.list(root.resolve("eu-legal"))) {
            assertThat(entries).containsExactly(root.resolve("eu-legal/1.4.0")); // no partial folder left
        }

        Files.writeString(first.folder().resolve("us/crimea.drl"), "changed");
        assertThatThrownBy(() -> PackPull.pull(bundle, trusted, null, root, false, PackBundleLimits.DEFAULT))
                .isInstanceOf(PulledFolderConflictException.class);
        assertThat(first.folder().resolve("us/crimea.drl")).hasContent("changed");
    }

    @Test
    void shouldRefuseALowerVersionThanOneBesideItUnlessAllowed() throws IOException {
        Path root = dir.resolve("packs");
        Files.createDirectories(root.resolve("eu-legal/1.10.0"));
        Files.createDirectories(root.resolve("eu-legal/notes"));

        assertThatThrownBy(() -> PackPull.pull(bundle("1.9.0"), trusted, null, root, false, PackBundleLimits.DEFAULT))
                .isInstanceOf(PackDowngradeException.class)
                .hasMessageContaining("holds eu-legal 1.10.0, a higher version than the bundle's 1.9.0");
        assertThat(root.resolve("eu-legal/1.9.0")).doesNotExist();
        assertThat(PackPull.pull(bundle("1.9.0"), trusted, null, root, true, PackBundleLimits.DEFAULT).folder())
                .isDirectory();
        assertThat(PackPull.pull(bundle("1.10.1-rc.1"), trusted, null, root, false, PackBundleLimits.DEFAULT).folder())
                .isEqualTo(root.resolve("eu-legal/1.10.1-rc.1"));
    }

    @Test
    void shouldLeaveNothingForARefusedBundle() {
        Path root = dir.resolve("packs");
        LinkedHashMap<String, byte[]> entries = TestBundles.entries(bundle("1.4.0"));
        entries.get("us/crimea.drl")[0] ^= 0x20;
        Path tampered = TestBundles.writeTarGz(dir.resolve("tampered.tar.gz"), TestBundles.files(entries));

        assertThatThrownBy(() -> PackPull.pull(tampered, trusted, null, root, false, PackBundleLimits.DEFAULT))
                .isInstanceOf(PackBundleRefusedException.class)
                .hasMessageContaining("us/crimea.drl has SHA-256");
        assertThat(root).doesNotExist();
    }

    private Path bundle(String version) {
        Path output = dir.resolve("eu-legal-" + version + ".tar.gz");
        if (!Files.exists(output)) {
            PackBuilder.build(TestBundles.SMALL_PACK, TestBundles.description(version), key, output);
        }
        return output;
    }
}
