package org.clearance.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clearance.config.ClearanceVersion;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle format: what a built bundle holds, that it verifies and loads as a rule pack, and its manifest's rules. */
class PackBundleFormatTest {

    @TempDir
    Path dir;

    private final SigningKey key = TestBundles.newKey();

    @Test
    void shouldBuildABundleThatVerifiesAndLoadsAsARulePack() {
        Path bundle = TestBundles.build(dir, "eu-legal-1.4.0.tar.gz", key);

        VerifiedBundle verified = PackBundles.verify(bundle, TrustedKeys.of(key.publicKey()));

        assertThat(verified.signedBy().keyId()).isEqualTo(key.keyId());
        assertThat(verified.manifest().name()).isEqualTo("eu-legal");
        assertThat(verified.manifest().version()).isEqualTo(SemanticVersion.parse("1.4.0"));
        assertThat(verified.manifest().minClearanceVersion().toString()).isEqualTo(ClearanceVersion.CURRENT);
        assertThat(verified.manifest().files()).extracting(f -> f.path().value())
                .contains("eu/dual-use.drl", "eu/dual-use.tests.yaml", "us/crimea.drl", "bases/eu-chips-to-kazakhstan.json", "README.md")
                .doesNotContain(BundlePath.MANIFEST, BundlePath.SIGNATURES);
        RulePack fromBundle = RulePackLoader.load(verified.folder());
        RulePack original = RulePackLoader.load(TestBundles.SMALL_PACK);
        assertThat(fromBundle.hash()).isEqualTo(original.hash());
        assertThat(fromBundle.rules()).extracting(r -> r.id()).contains("EU-12G-01");
    }

    @Test
    void shouldReadAZipBundleAsWellAsATarGz() {
        Path zip = dir.resolve("eu-legal.zip");
        PackBuilder.build(TestBundles.SMALL_PACK, TestBundles.description("1.4.0"), key, zip);

        VerifiedBundle verified = PackBundles.verify(zip, TrustedKeys.of(key.publicKey()), dir.resolve("out"), PackBundleLimits.DEFAULT);

        assertThat(verified.folder()).isEqualTo(dir.resolve("out"));
        assertThat(RulePackLoader.load(verified.folder()).hash()).isEqualTo(RulePackLoader.load(TestBundles.SMALL_PACK).hash());
    }

    @Test
    void shouldBuildTheSameBytesFromTheSamePackAndKey() throws Exception {
        Path first = TestBundles.build(dir, "a.tar.gz", key);
        Path second = TestBundles.build(dir, "b.tar.gz", key);

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void shouldWriteTheManifestAsCanonicalJsonAndReadItBack() {
        Path bundle = TestBundles.build(dir, "eu.tar.gz", key);
        byte[] json = TestBundles.entries(bundle).get(BundlePath.MANIFEST);
        String text = new String(json, StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\n  \"format\": 1,\n  \"name\": \"eu-legal\",\n  \"version\": \"1.4.0\",\n")
                .contains("\"publisher\": \"Test Authority\"", "\"jurisdictions\": [\n    \"EU\",\n    \"US\"\n  ]")
                .containsPattern("\"path\": \"eu/dual-use.drl\",\n\\s+\"size\": \\d+,\n\\s+\"sha256\": \"[0-9a-f]{64}\"")
                .endsWith("}\n").doesNotContain("\r");
        assertThat(ManifestJson.write(ManifestJson.read(json))).isEqualTo(json);
    }

    @Test
    void shouldDescribeDataFilesByTheirSourceAndVersionHeaders() throws Exception {
        Path pack = copyOfSmallPack();
        Files.createDirectories(pack.resolve("data/eu"));
        Files.writeString(pack.resolve("data/eu/partner-countries.csv"), "# source: Council Regulation (EU) 833/2014, Annex VIII\n"
                + "# version: 2024-06-24\n# completeness: complete - all partner countries\ncode,name\nUS,United States\n");
        Files.writeString(pack.resolve("data/eu/no-headers.csv"), "# completeness: complete - x\ncode\nUS\n");

        PackManifest manifest = PackBuilder.build(pack, TestBundles.description("2.0.0"), key, dir.resolve("eu.tar.gz"));

        assertThat(manifest.data()).containsExactly(new DataSource(new BundlePath("data/eu/partner-countries.csv"),
                "Council Regulation (EU) 833/2014, Annex VIII", "2024-06-24"));
        assertThat(manifest.files()).extracting(f -> f.path().value()).contains("data/eu/no-headers.csv");
    }

    @Test
    void shouldTakeTheDescriptionFromPackJsonWithOptionsWinningAndLeaveItAndHiddenFilesOut() throws Exception {
        Path pack = copyOfSmallPack();
        Files.writeString(pack.resolve("pack.json"), "{\"name\": \"uk-legal\", \"version\": \"0.9.0\", "
                + "\"publisher\": \"UK Body\", \"jurisdictions\": [\"UK\"]}");
        Files.writeString(pack.resolve(".editorconfig"), "root = true\n");
        PackDescription options = new PackDescription(null, "1.0.0-rc.1", null, null, null);

        PackManifest manifest = PackBuilder.build(pack, PackDescription.readTemplate(pack).overriddenBy(options), key,
                dir.resolve("uk.tar.gz"));

        assertThat(manifest.name()).isEqualTo("uk-legal");
        assertThat(manifest.version().toString()).isEqualTo("1.0.0-rc.1");
        assertThat(manifest.jurisdictions()).containsExactly("UK");
        assertThat(manifest.files()).extracting(f -> f.path().value()).doesNotContain("pack.json", ".editorconfig");
    }

    @Test
    void shouldRefuseToBuildWithoutANameWithAnInvalidVersionIntoThePackOrFromASymbolicLink() throws Exception {
        assertThatThrownBy(() -> PackBuilder.build(TestBundles.SMALL_PACK, new PackDescription(null, "1.0.0", "P", List.of("EU"), null),
                key, dir.resolve("x.tar.gz"))).isInstanceOf(PackBuildException.class).hasMessageContaining("name (--name)");
        assertThatThrownBy(() -> PackBuilder.build(TestBundles.SMALL_PACK, TestBundles.description("1.0"), key, dir.resolve("x.tar.gz")))
                .isInstanceOf(PackBuildException.class).hasMessageContaining("'1.0' is not a semantic version");
        assertThatThrownBy(() -> PackBuilder.build(TestBundles.SMALL_PACK, TestBundles.description("1.0.0"), key,
                TestBundles.SMALL_PACK.resolve("eu.tar.gz"))).isInstanceOf(PackBuildException.class)
                .hasMessageContaining("write the bundle outside the pack folder");
        Path pack = copyOfSmallPack();
        Files.createSymbolicLink(pack.resolve("eu/passwd.drl"), Path.of("/etc/passwd"));
        assertThatThrownBy(() -> PackBuilder.build(pack, TestBundles.description("1.0.0"), key, dir.resolve("x.tar.gz")))
                .isInstanceOf(PackBuildException.class).hasMessageContaining("eu/passwd.drl is a symbolic link");
        assertThat(dir.resolve("x.tar.gz")).doesNotExist();
    }

    @Test
    void shouldParseAndOrderSemanticVersionsAsSemverOrgDoes() {
        List<String> ascending = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "2.0.0", "10.0.0");
        for (int i = 1; i < ascending.size(); i++) {
            assertThat(SemanticVersion.parse(ascending.get(i - 1))).isLessThan(SemanticVersion.parse(ascending.get(i)));
        }
        assertThat(SemanticVersion.parse("1.0.0+build.7").compareTo(SemanticVersion.parse("1.0.0"))).isZero();
        assertThat(SemanticVersion.parse("2.0.0-rc.1+sha.5114f85").toString()).isEqualTo("2.0.0-rc.1+sha.5114f85");
        for (String invalid : List.of("1", "1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+", " 1.0.0", "1.0.0.0", "")) {
            assertThatThrownBy(() -> SemanticVersion.parse(invalid)).as(invalid).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a semantic version");
        }
    }

    private Path copyOfSmallPack() throws Exception {
        Path copy = dir.resolve("pack");
        try (var walk = Files.walk(TestBundles.SMALL_PACK)) {
            for (Path source : walk.toList()) {
                Path target = copy.resolve(TestBundles.SMALL_PACK.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }
}
