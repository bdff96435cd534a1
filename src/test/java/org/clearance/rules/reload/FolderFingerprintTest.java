package org.clearance.rules.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderFingerprintTest {

    @TempDir
    Path temp;

    @Test
    void shouldBeEqualForTheSameFilesAnywhereAndChangeWithAnyFile() throws Exception {
        Path a = pack(temp.resolve("a"));
        Path b = pack(temp.resolve("b"));
        String original = FolderFingerprint.of(a);
        assertThat(original).hasSize(64).isEqualTo(FolderFingerprint.of(b));

        Files.writeString(b.resolve("eu/x.tests.yaml"), "cases: [changed]\n"); // not in the pack hash, read by the check
        assertThat(FolderFingerprint.of(b)).isNotEqualTo(original);

        Path c = pack(temp.resolve("c"));
        Files.move(c.resolve("eu/x.drl"), c.resolve("eu/y.drl"));
        assertThat(FolderFingerprint.of(c)).isNotEqualTo(original);

        Path d = pack(temp.resolve("d"));
        Files.writeString(d.resolve("data/extra.csv"), "");
        assertThat(FolderFingerprint.of(d)).isNotEqualTo(original);
    }

    @Test
    void shouldBeNullForAFolderThatDoesNotExist() {
        assertThat(FolderFingerprint.of(temp.resolve("missing"))).isNull();
    }

    private static Path pack(Path root) throws Exception {
        Files.createDirectories(root.resolve("eu"));
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("eu/x.drl"), "package x;\n");
        Files.writeString(root.resolve("eu/x.tests.yaml"), "cases: []\n");
        Files.writeString(root.resolve("data/codes.csv"), "code\n01\n");
        return root;
    }
}
