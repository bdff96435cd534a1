package org.clearance.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clearance.rules.FileTrees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bundles.yaml}: one pack folder published as several bundles, each file in exactly one, and what it refuses. */
class PackSplitTest {

    private static final Path SMALL_PACK = Path.of("src/test/resources/reload-pack");
    private static final String SPLIT = """
            version: 1.2.0
            publisher: Test Authority
            bundles:
              - name: legal-eu
                jurisdictions: [EU]
                folders: [eu, bases]
              - name: legal-us
                jurisdictions: [US]
                requires: [legal-eu]
                folders: [us]
            """;

    @TempDir
    Path work;
    private Path folder;

    @BeforeEach
    void copyTheSmallPack() throws IOException {
        folder = work.resolve("pack");
        FileTrees.copy(SMALL_PACK, folder);
    }

    @Test
    void shouldPutEachFileInTheBundleOfTheLongestFolderHoldingItAndSignTheRequirement() throws IOException {
        Files.writeString(folder.resolve(PackSplit.FILE), SPLIT.replace("folders: [us]", "folders: [us, bases/us]"));
        Files.createDirectories(folder.resolve("bases/us"));
        Files.copy(folder.resolve("bases/eu-chips-to-kazakhstan.json"), folder.resolve("bases/us/us-order.json"));

        List<PackSplit.Part> parts = PackSplit.parts(folder);

        assertThat(parts).extracting(p -> p.description().name()).containsExactly("legal-eu", "legal-us");
        assertThat(parts.get(0).files().keySet()).extracting(BundlePath::value).containsExactlyInAnyOrder(
                "eu/dual-use.drl", "eu/dual-use.tests.yaml", "eu/no-russia-clause.drl", "eu/no-russia-clause.tests.yaml",
                "bases/eu-chips-to-kazakhstan.json");
        assertThat(parts.get(1).files().keySet()).extracting(BundlePath::value).containsExactlyInAnyOrder(
                "us/crimea.drl", "us/crimea.tests.yaml", "bases/us/us-order.json");

        Path output = work.resolve("dist");
        var pair = PackKeys.generate(PackKeys.Algorithm.ED25519);
        List<PackManifest> built = PackSplit.build(folder, new SigningKey(pair.getPrivate(), pair.getPublic()), output);
        VerifiedBundle us = PackBundles.check(output.resolve("legal-us-1.2.0.tar.gz"), TrustedKeys.of(pair.getPublic()),
                PackBundleLimits.DEFAULT);
        assertThat(us.manifest()).isEqualTo(built.get(1));
        assertThat(us.manifest().requires()).containsExactly(new PackRequirement("legal-eu", SemanticVersion.parse("1.2.0")));
        assertThat(new String(ManifestJson.write(us.manifest()), java.nio.charset.StandardCharsets.UTF_8))
                .contains("  \"requires\": [\n    {\n      \"name\": \"legal-eu\",\n      \"version\": \"1.2.0\"\n    }\n  ],");
    }

    @Test
    void shouldRefuseARuleFileInNoBundleNamingIt() throws IOException {
        Files.writeString(folder.resolve(PackSplit.FILE), SPLIT.replace("folders: [us]", "folders: [bases]")
                .replace("folders: [eu, bases]", "folders: [eu]"));

        assertThatThrownBy(() -> PackSplit.parts(folder)).isInstanceOf(PackBuildException.class)
                .hasMessage("bundles.yaml: 2 rule, test or data file(s) are in no bundle, e.g. us/crimea.drl; add their "
                        + "folder to a bundle");
    }

    @Test
    void shouldRefuseARequirementThatIsNotABundleListedBeforeIt() throws IOException {
        Files.writeString(folder.resolve(PackSplit.FILE), SPLIT.replace("requires: [legal-eu]", "requires: [legal-jp]"));
        assertThatThrownBy(() -> PackSplit.parts(folder)).hasMessage(
                "bundles.yaml: bundle legal-us requires legal-jp, which is not a bundle listed before it");

        Files.writeString(folder.resolve(PackSplit.FILE), SPLIT.replace("requires: [legal-eu]", "requires: [legal-us]"));
        assertThatThrownBy(() -> PackSplit.parts(folder)).hasMessage(
                "bundles.yaml: bundle legal-us requires legal-us, which is not a bundle listed before it");
    }

    @Test
    void shouldNameTheProblemOfAMalformedDescription() throws IOException {
        assertRefused(SPLIT.replace("folders: [us]", "folders: [us, eu]"),
                "bundles.yaml: folder eu is in bundle legal-eu and in bundle legal-us; a folder belongs to one bundle");
        assertRefused(SPLIT.replace("folders: [us]", "folders: [uk]"),
                "bundles.yaml: bundle legal-us: uk is not a folder of " + folder);
        assertRefused(SPLIT.replace("publisher: Test Authority\n", ""), "bundles.yaml: 'publisher' is required");
        assertRefused(SPLIT.replace("version: 1.2.0", "version: 1.2.0\nsigner: me"),
                "bundles.yaml: the file has an unknown field 'signer' (known: ");
        assertRefused("bundles: [ {", "bundles.yaml is not valid YAML: ");
        assertRefused("version: 1.0.0\npublisher: P\nbundles: []\n",
                "bundles.yaml must list the bundles under 'bundles:', each with a name, jurisdictions and folders");
    }

    @Test
    void shouldNotWriteTheBundlesIntoTheFolderTheyAreBuiltFrom() throws IOException {
        Files.writeString(folder.resolve(PackSplit.FILE), SPLIT);
        var pair = PackKeys.generate(PackKeys.Algorithm.ED25519);
        assertThatThrownBy(() -> PackSplit.build(folder, new SigningKey(pair.getPrivate(), pair.getPublic()),
                folder.resolve("dist"))).hasMessageContaining("write the bundles outside the pack folder");
    }

    private void assertRefused(String yaml, String message) throws IOException {
        Files.writeString(folder.resolve(PackSplit.FILE), yaml);
        assertThatThrownBy(() -> PackSplit.parts(folder)).isInstanceOf(PackBuildException.class).hasMessageStartingWith(message);
    }
}
