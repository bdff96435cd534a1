package org.clearance.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a bundle is refused, each with a reason naming the file: tampering (a changed byte, a file added or removed),
 * a malformed manifest, and hostile archives (paths outside the folder, links, bombs, duplicates, garbage). A refused
 * bundle leaves no files behind.
 */
class PackBundleRefusalTest {

    @TempDir
    Path dir;

    private final SigningKey key = TestBundles.newKey();
    private TrustedKeys trusted;
    private LinkedHashMap<String, byte[]> valid;

    @BeforeEach
    void buildAValidBundle() {
        trusted = TrustedKeys.of(key.publicKey());
        valid = TestBundles.entries(TestBundles.build(dir, "valid.tar.gz", key));
    }

    @Test
    void shouldRefuseABundleWithOneByteChangedInAnyOfItsFiles() {
        for (String name : valid.keySet()) {
            LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(valid);
            byte[] changed = Arrays.copyOf(valid.get(name), valid.get(name).length);
            changed[changed.length / 2] ^= 0x01;
            entries.put(name, changed);
            Path bundle = TestBundles.writeTarGz(dir.resolve("changed.tar.gz"), TestBundles.files(entries));

            assertRefused(bundle).as(name).hasMessageContaining(
                    name.equals(BundlePath.MANIFEST) || name.equals(BundlePath.SIGNATURES) ? ".signatures.json" : name + " has SHA-256");
        }
    }

    @Test
    void shouldRefuseABundleWithAFileAddedOrRemoved() {
        LinkedHashMap<String, byte[]> added = new LinkedHashMap<>(valid);
        added.put("eu/backdoor.drl", "package eu;\n".getBytes(StandardCharsets.UTF_8));
        LinkedHashMap<String, byte[]> removed = new LinkedHashMap<>(valid);
        removed.remove("us/crimea.tests.yaml");

        assertRefused(TestBundles.writeTarGz(dir.resolve("added.tar.gz"), TestBundles.files(added)))
                .hasMessageContaining("eu/backdoor.drl is in the bundle but not in the manifest (a file was added)");
        assertRefused(TestBundles.writeTarGz(dir.resolve("removed.tar.gz"), TestBundles.files(removed)))
                .hasMessageContaining("us/crimea.tests.yaml is in the manifest but not in the bundle (a file was removed)");
    }

    @Test
    void shouldRefuseASignedManifestWhoseDigestsDoNotMatchTheFiles() {
        String manifest = new String(valid.get(BundlePath.MANIFEST), StandardCharsets.UTF_8);
        String digest = manifest.replaceAll("(?s).*\"path\": \"us/crimea.drl\",\\s+\"size\": \\d+,\\s+\"sha256\": \"([0-9a-f]{64})\".*", "$1");
        byte[] wrong = manifest.replace(digest, "0".repeat(64)).getBytes(StandardCharsets.UTF_8);

        Path bundle = TestBundles.signedRaw(dir.resolve("digests.tar.gz"), wrong, key, packFiles());

        assertRefused(bundle).hasMessageContaining("us/crimea.drl has SHA-256 " + digest)
                .hasMessageContaining("the manifest says " + "0".repeat(64));
    }

    @Test
    void shouldRefuseASignedBundleThatIsAnOverlayAndNeverBuildOne() throws Exception {
        byte[] stack = "bases: [\"/\"]\n".getBytes(StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.node.ObjectNode manifest = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(valid.get(BundlePath.MANIFEST));
        manifest.withArray("files").addObject().put("path", "stack.yaml").put("size", stack.length)
                .put("sha256", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(stack)));
        List<TestBundles.Entry> files = new ArrayList<>(packFiles());
        files.add(TestBundles.Entry.file("stack.yaml", stack));

        Path bundle = TestBundles.signedRaw(dir.resolve("overlay.tar.gz"), ManifestJson.canonical(manifest), key, files);

        assertRefused(bundle).hasMessageContaining("holds stack.yaml: a bundle carries a pack, not an overlay");
        Path overlay = Files.createDirectories(dir.resolve("overlay"));
        Files.write(overlay.resolve("stack.yaml"), stack);
        assertThatThrownBy(() -> PackBuilder.build(overlay, TestBundles.description("1.0.0"), key, dir.resolve("o.tar.gz")))
                .isInstanceOf(PackBuildException.class).hasMessageContaining("is an overlay (it has stack.yaml)");
    }

    @Test
    void shouldRefuseAMalformedManifestEvenWhenSigned() {
        String manifest = new String(valid.get(BundlePath.MANIFEST), StandardCharsets.UTF_8);
        List.of(
                List.of("{\"format\": 1,", "manifest.json is not valid JSON"),
                List.of(manifest.replace("\"format\": 1", "\"format\": 2"), "format 2 is not supported"),
                List.of(manifest.replace("\"publisher\"", "\"comment\": \"x\",\n  \"publisher\""), "unknown field 'comment'"),
                List.of(manifest.replace("\"name\": \"eu-legal\"", "\"name\": \"eu-legal\", \"name\": \"other\""), "not valid JSON"),
                List.of(manifest.replace("\"EU\"", "\"eu\""), "jurisdiction 'eu' must be an upper-case code"),
                List.of(manifest.replace("\"path\": \"us/crimea.drl\"", "\"path\": \"../crimea.drl\""), "'../crimea.drl' has an empty, '.' or '..' segment"),
                List.of(manifest.replace("\"version\": \"1.4.0\"", "\"version\": 1.4"), "field 'version' must be a string")
        ).forEach(c -> assertRefused(TestBundles.signedRaw(dir.resolve("malformed.tar.gz"),
                c.get(0).getBytes(StandardCharsets.UTF_8), key, packFiles())).as(c.get(1)).hasMessageContaining("manifest.json")
                .hasMessageContaining(c.get(1)));
    }

    @Test
    void shouldRefuseAnInvalidSemanticVersionEvenWhenSigned() {
        String manifest = new String(valid.get(BundlePath.MANIFEST), StandardCharsets.UTF_8);
        byte[] invalid = manifest.replace("\"version\": \"1.4.0\"", "\"version\": \"1.4\"").getBytes(StandardCharsets.UTF_8);

        assertRefused(TestBundles.signedRaw(dir.resolve("semver.tar.gz"), invalid, key, packFiles()))
                .hasMessageContaining("manifest.json is invalid: '1.4' is not a semantic version");
    }

    @Test
    void shouldRefuseAPackThatNeedsANewerClearance() {
        String manifest = new String(valid.get(BundlePath.MANIFEST), StandardCharsets.UTF_8);
        byte[] newer = manifest.replaceAll("\"minClearanceVersion\": \"[^\"]+\"", "\"minClearanceVersion\": \"99.0.0\"")
                .getBytes(StandardCharsets.UTF_8);

        assertRefused(TestBundles.signedRaw(dir.resolve("newer.tar.gz"), newer, key, packFiles()))
                .hasMessageContaining("manifest.json: pack eu-legal 1.4.0 needs Clearance 99.0.0 or later");
    }

    @Test
    void shouldRefuseEntriesThatLeaveTheFolder() {
        for (String name : List.of("../evil.drl", "eu/../../evil.drl", "/etc/cron.d/evil", "C:/evil.drl", "eu//evil.drl")) {
            List<TestBundles.Entry> entries = new ArrayList<>(TestBundles.files(valid));
            entries.add(TestBundles.Entry.file(name, "x"));

            assertRefused(TestBundles.writeTarGz(dir.resolve("slip.tar.gz"), entries)).as(name)
                    .hasMessageContaining("slip.tar.gz holds an entry whose path '" + name + "'");
            assertRefused(TestBundles.writeZip(dir.resolve("slip.zip"), entries)).as(name)
                    .hasMessageContaining("slip.zip holds an entry whose path '" + name + "'");
        }
        List<TestBundles.Entry> windows = new ArrayList<>(TestBundles.files(valid));
        windows.add(TestBundles.Entry.file("eu\\..\\..\\evil.drl", "x")); // a zip writer turns backslashes into slashes; tar keeps them
        assertRefused(TestBundles.writeTarGz(dir.resolve("windows.tar.gz"), windows)).hasMessageContaining("holds a backslash");
        assertThat(dir.getParent().resolve("evil.drl")).doesNotExist();
    }

    @Test
    void shouldRefuseSymbolicLinksInTarAndZip() {
        List<TestBundles.Entry> entries = new ArrayList<>(TestBundles.files(valid));
        entries.add(TestBundles.Entry.symlink("eu/passwd.drl", "/etc/passwd"));

        assertRefused(TestBundles.writeTarGz(dir.resolve("link.tar.gz"), entries))
                .hasMessageContaining("link.tar.gz holds a symbolic link 'eu/passwd.drl'");
        assertRefused(TestBundles.writeZip(dir.resolve("link.zip"), entries))
                .hasMessageContaining("link.zip holds a symbolic link 'eu/passwd.drl'");
    }

    @Test
    void shouldRefuseADecompressionBombAndTooManyEntries() {
        List<TestBundles.Entry> bomb = new ArrayList<>(TestBundles.files(valid));
        bomb.add(TestBundles.Entry.file("data/zeros.csv", new byte[4 * 1024 * 1024])); // compresses to a few KB
        Path bombFile = TestBundles.writeTarGz(dir.resolve("bomb.tar.gz"), bomb);
        List<TestBundles.Entry> many = new ArrayList<>(TestBundles.files(valid));
        for (int i = 0; i < 50; i++) {
            many.add(TestBundles.Entry.file("eu/f" + i + ".txt", "x"));
        }
        Path manyFile = TestBundles.writeZip(dir.resolve("many.zip"), many);

        assertThat(bombFile.toFile().length()).isLessThan(100_000);
        assertRefused(bombFile, new PackBundleLimits(1000, 1024 * 1024, 65536))
                .hasMessageContaining("bomb.tar.gz unpacks to more than 1048576 bytes (clearance.packs.max-unpacked-bytes)");
        assertRefused(TestBundles.writeZip(dir.resolve("bomb.zip"), bomb), new PackBundleLimits(1000, 1024 * 1024, 65536))
                .hasMessageContaining("bomb.zip unpacks to more than 1048576 bytes");
        assertRefused(manyFile, new PackBundleLimits(20, 1024 * 1024, 65536))
                .hasMessageContaining("many.zip holds more than 20 entries (clearance.packs.max-entries)");
        assertRefused(TestBundles.writeTarGz(dir.resolve("big-manifest.tar.gz"), TestBundles.files(valid)),
                new PackBundleLimits(1000, 1024 * 1024, 100))
                .hasMessageContaining("holds a manifest.json larger than 100 bytes");
    }

    @Test
    void shouldCountWhatHidesAfterTheTarEndMarkerToo() throws Exception {
        Path small = TestBundles.writeTarGz(dir.resolve("small.tar.gz"), TestBundles.files(valid));
        byte[] tar;
        try (var in = new org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream(Files.newInputStream(small))) {
            tar = in.readAllBytes();
        }
        Path padded = dir.resolve("padded.tar.gz");
        try (var out = new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(Files.newOutputStream(padded))) {
            out.write(tar);
            out.write(new byte[4 * 1024 * 1024]); // after the end marker: a tar reader never looks at it
        }

        assertRefused(padded, new PackBundleLimits(1000, 1024 * 1024, 65536))
                .hasMessageContaining("padded.tar.gz unpacks to more than 1048576 bytes");
    }

    @Test
    void shouldRefuseDuplicateEntriesAlsoInAnotherCaseOrAsFileAndFolder() {
        List<TestBundles.Entry> twice = new ArrayList<>(TestBundles.files(valid));
        twice.add(TestBundles.Entry.file("eu/dual-use.drl", "package eu;\n"));
        List<TestBundles.Entry> cased = new ArrayList<>(TestBundles.files(valid));
        cased.add(TestBundles.Entry.file("EU/Dual-Use.drl", "package eu;\n"));
        List<TestBundles.Entry> fileAndFolder = new ArrayList<>(TestBundles.files(valid));
        fileAndFolder.add(TestBundles.Entry.file("eu/dual-use.drl/x.drl", "package eu;\n"));
        List<TestBundles.Entry> twoManifests = new ArrayList<>(TestBundles.files(valid));
        twoManifests.add(TestBundles.Entry.file("./manifest.json", "{}"));

        assertRefused(TestBundles.writeTarGz(dir.resolve("twice.tar.gz"), twice)).hasMessageContaining("holds 'eu/dual-use.drl' twice");
        assertRefused(TestBundles.writeZip(dir.resolve("twice.zip"), twice)).hasMessageContaining("holds 'eu/dual-use.drl' twice");
        assertRefused(TestBundles.writeTarGz(dir.resolve("cased.tar.gz"), cased))
                .hasMessageContaining("'eu/dual-use.drl' and 'EU/Dual-Use.drl', which are one file on a case-insensitive file system");
        assertRefused(TestBundles.writeTarGz(dir.resolve("nested.tar.gz"), fileAndFolder))
                .hasMessageContaining("holds 'eu/dual-use.drl/x.drl' inside 'eu/dual-use.drl', which is a file");
        assertRefused(TestBundles.writeTarGz(dir.resolve("manifests.tar.gz"), twoManifests)).hasMessageContaining("holds 'manifest.json' twice");
    }

    @Test
    void shouldRefuseAGarbledOrTruncatedArchiveOrOneWithoutAManifest() throws Exception {
        byte[] bundle = Files.readAllBytes(dir.resolve("valid.tar.gz"));
        byte[] flipped = bundle.clone();
        flipped[flipped.length / 2] ^= 0x55;
        Path garbled = Files.write(dir.resolve("garbled.tar.gz"), flipped);
        Path truncated = Files.write(dir.resolve("truncated.tar.gz"), Arrays.copyOf(bundle, bundle.length / 2));
        Path text = Files.writeString(dir.resolve("text.tar.gz"), "not an archive");
        Path zipHeaderOnly = Files.write(dir.resolve("broken.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        LinkedHashMap<String, byte[]> noManifest = new LinkedHashMap<>(valid);
        noManifest.remove(BundlePath.MANIFEST);

        assertRefused(garbled).hasMessageStartingWith("garbled.tar.gz ");
        assertRefused(truncated).hasMessageContaining("truncated.tar.gz is a damaged archive");
        assertRefused(text).hasMessage("text.tar.gz is neither a .tar.gz nor a .zip archive");
        assertRefused(zipHeaderOnly).hasMessageContaining("broken.zip is a damaged archive");
        assertRefused(TestBundles.writeTarGz(dir.resolve("plain.tar.gz"), TestBundles.files(noManifest)))
                .hasMessage("plain.tar.gz has no manifest.json: it is not a pack bundle");
    }

    @Test
    void shouldLeaveNothingBehindWhenRefusingAfterSomeFilesWereExtracted() throws Exception {
        List<TestBundles.Entry> entries = new ArrayList<>(TestBundles.files(valid));
        entries.add(TestBundles.Entry.file("zz/../../evil.drl", "x")); // last, after every good file was written
        Path bundle = TestBundles.writeTarGz(dir.resolve("late.tar.gz"), entries);
        Path into = dir.resolve("installed");
        Files.createDirectories(into);

        assertThatThrownBy(() -> PackBundles.verify(bundle, trusted, into.resolve("eu-legal"), PackBundleLimits.DEFAULT))
                .isInstanceOf(PackBundleRefusedException.class).hasMessageContaining("zz/../../evil.drl");
        try (Stream<Path> left = Files.list(into)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void shouldExtractOnlyWhenEverythingCheckedOut() {
        Path into = dir.resolve("installed/eu-legal");

        VerifiedBundle verified = PackBundles.verify(dir.resolve("valid.tar.gz"), trusted, into, PackBundleLimits.DEFAULT);

        assertThat(verified.folder()).isEqualTo(into);
        assertThat(into.resolve("eu/dual-use.drl")).hasSameBinaryContentAs(TestBundles.SMALL_PACK.resolve("eu/dual-use.drl"));
        assertThat(into.resolve(BundlePath.MANIFEST)).doesNotExist();
        assertThatThrownBy(() -> PackBundles.verify(dir.resolve("valid.tar.gz"), trusted, into, PackBundleLimits.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
    }

    /** The pack files of the valid bundle, without its metadata. */
    private List<TestBundles.Entry> packFiles() {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>(valid);
        files.remove(BundlePath.MANIFEST);
        files.remove(BundlePath.SIGNATURES);
        return TestBundles.files(files);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path bundle) {
        return assertRefused(bundle, PackBundleLimits.DEFAULT);
    }

    /** Refused both when only checked and when extracted, and extraction leaves nothing behind. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path bundle, PackBundleLimits limits) {
        Path parent = dir.resolve("extract-" + bundle.getFileName());
        assertThatThrownBy(() -> PackBundles.verify(bundle, trusted, parent.resolve("pack"), limits))
                .isInstanceOf(PackBundleRefusedException.class);
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).as("left behind by a refused " + bundle.getFileName()).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return assertThatThrownBy(() -> PackBundles.check(bundle, trusted, limits)).isInstanceOf(PackBundleRefusedException.class);
    }
}
