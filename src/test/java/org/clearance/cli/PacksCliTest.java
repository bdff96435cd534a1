package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearance packs keygen|build|verify|inspect} through the command line, on the small test pack: exit codes 0, 1 and 2. */
@QuarkusTest
@Tag("cli")
class PacksCliTest {

    @Inject
    Cli cli;

    private static final String SMALL_PACK = "src/test/resources/reload-pack";

    @TempDir
    Path dir;

    @Test
    void shouldGenerateAKeyBuildASignedBundleVerifyAndUnpackItThenRefuseItTampered() throws IOException {
        String key = dir.resolve("acme").toString();
        CliRun keygen = cli.launch("packs", "keygen", key);
        assertThat(keygen.exitCode()).as(keygen.errors()).isEqualTo(ExitCodes.OK);
        assertThat(keygen.output()).contains("acme.key (private key: keep it secret)").contains("Key id: ");

        Path bundle = dir.resolve("eu-legal-1.4.0.tar.gz");
        CliRun build = cli.launch("packs", "build", SMALL_PACK, "--sign", key + ".key", "--output", bundle.toString(),
                "--name", "eu-legal", "--pack-version", "1.4.0", "--publisher", "Acme Trade Compliance", "--jurisdiction", "EU");
        assertThat(build.exitCode()).as(build.errors()).isEqualTo(ExitCodes.OK);
        assertThat(build.output()).contains("Built " + bundle + ": eu-legal 1.4.0 by Acme Trade Compliance");

        Path unpacked = dir.resolve("unpacked");
        CliRun verify = cli.launch("packs", "verify", bundle.toString(), "--trust", key + ".pub", "--extract", unpacked.toString());
        assertThat(verify.exitCode()).as(verify.errors()).isEqualTo(ExitCodes.OK);
        assertThat(verify.output()).contains(bundle + ": valid. eu-legal 1.4.0 by Acme Trade Compliance (EU)")
                .contains("signed by acme.pub").contains("Unpacked into " + unpacked);
        assertThat(unpacked.resolve("us/crimea.drl")).hasSameTextualContentAs(Path.of(SMALL_PACK, "us/crimea.drl"));

        CliRun inspect = cli.launch("packs", "inspect", bundle.toString());
        assertThat(inspect.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(inspect.output()).contains("\"name\": \"eu-legal\"", "\"path\": \"eu/dual-use.drl\"");

        Path tampered = dir.resolve("tampered.tar.gz");
        rewrite(bundle, tampered, "us/crimea.drl");
        CliRun refused = cli.launch("packs", "verify", tampered.toString(), "--trust", key + ".pub",
                "--extract", dir.resolve("never").toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(dir.resolve("never")).doesNotExist();
        assertThat(refused.errors()).contains("clearance packs verify: refused: tampered.tar.gz does not match its signed manifest: "
                + "us/crimea.drl has SHA-256").doesNotContain("Exception");
    }

    @Test
    void shouldRefuseAnUntrustedKeyAndExitTwoForAMissingBundleOrKey() {
        String publisher = dir.resolve("publisher").toString();
        String stranger = dir.resolve("stranger").toString();
        assertThat(cli.launch("packs", "keygen", publisher).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(cli.launch("packs", "keygen", stranger).exitCode()).isEqualTo(ExitCodes.OK);
        Path bundle = dir.resolve("eu.tar.gz");
        CliRun build = cli.launch("packs", "build", SMALL_PACK, "--sign", publisher + ".key", "--output", bundle.toString(),
                "--name", "eu-legal", "--pack-version", "2.0.0", "--publisher", "Acme", "--jurisdiction", "EU");
        assertThat(build.exitCode()).as(build.errors()).isEqualTo(ExitCodes.OK);

        CliRun untrusted = cli.launch("packs", "verify", bundle.toString(), "--trust", stranger + ".pub");
        assertThat(untrusted.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(untrusted.errors()).contains("refused: .signatures.json holds no signature by a trusted key")
                .contains("trusted: stranger.pub");

        CliRun missingBundle = cli.launch("packs", "verify", dir.resolve("nope.tar.gz").toString(), "--trust", publisher + ".pub");
        assertThat(missingBundle.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(missingBundle.errors()).contains("nope.tar.gz does not exist");

        CliRun missingKey = cli.launch("packs", "verify", bundle.toString(), "--trust", dir.resolve("nobody.pub").toString());
        assertThat(missingKey.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(missingKey.errors()).contains("nobody.pub does not exist");

        CliRun privateAsTrust = cli.launch("packs", "verify", bundle.toString(), "--trust", publisher + ".key");
        assertThat(privateAsTrust.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(privateAsTrust.errors()).contains("trust the .pub file, not the .key");
    }

    /** Copies a bundle with one byte of {@code file} changed. */
    private static void rewrite(Path from, Path to, String file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(from)))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        entries.get(file)[0] ^= 0x20;
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(to)))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                out.putArchiveEntry(entry);
                out.write(e.getValue());
                out.closeArchiveEntry();
            }
        }
    }
}
