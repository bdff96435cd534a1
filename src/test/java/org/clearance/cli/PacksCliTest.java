package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.clearance.rules.FileTrees;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearance packs keygen|build|verify|inspect|pull} through the command line, on the small test pack: exit codes 0, 1 and 2. */
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

    @Test
    void shouldPullALocalBundleIntoPacksNameVersionOnceAndNeverOverwriteOtherFiles() throws IOException {
        String key = keygen("acme");
        // A name of its own: the default folder is packs/NAME/VERSION under the working folder, removed afterwards.
        String name = "pull-test-" + UUID.randomUUID();
        Path bundle = build(key, name, "1.4.0");
        Path folder = Path.of("packs", name, "1.4.0");
        try {
            CliRun pull = cli.launch("packs", "pull", bundle.toString(), "--trust", key + ".pub");
            assertThat(pull.exitCode()).as(pull.errors()).isEqualTo(ExitCodes.OK);
            assertThat(pull.output()).contains("Pulled " + name + " 1.4.0 by Acme (EU), ", "signed by acme.pub",
                    "into " + folder + ".", "Rule tests: ", " passed, every rule covered (3 rules).",
                    "To make it the active pack: clearance rules activate " + folder);
            assertThat(folder.resolve("us/crimea.drl")).hasSameTextualContentAs(Path.of(SMALL_PACK, "us/crimea.drl"));

            CliRun again = cli.launch("packs", "pull", bundle.toString(), "--trust", key + ".pub");
            assertThat(again.exitCode()).as(again.errors()).isEqualTo(ExitCodes.OK);
            assertThat(again.output()).contains(name + " 1.4.0 was already pulled into " + folder + " (the same files)");

            Files.writeString(folder.resolve("notes.txt"), "mine");
            CliRun changed = cli.launch("packs", "pull", bundle.toString(), "--trust", key + ".pub");
            assertThat(changed.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(changed.errors()).contains(folder + " exists and holds other files than " + name + " 1.4.0");
            assertThat(folder.resolve("notes.txt")).hasContent("mine");
        } finally {
            FileTrees.deleteQuietly(Path.of("packs", name));
            try (var left = Files.list(Path.of("packs"))) {
                if (left.findAny().isEmpty()) {
                    Files.delete(Path.of("packs"));
                }
            }
        }
    }

    @Test
    void shouldPullOverHttpFromThisMachineAndExitTwoForAMissingFileOrARedirectToAnotherHost() throws IOException {
        String key = keygen("acme");
        Path bundle = build(key, "eu-legal", "1.4.0");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/eu-legal-1.4.0.tar.gz")) {
                exchange.sendResponseHeaders(200, Files.size(bundle));
                try (OutputStream body = exchange.getResponseBody()) {
                    Files.copy(bundle, body);
                }
            } else if (path.equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "http://example.invalid/eu-legal-1.4.0.tar.gz");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            Path into = dir.resolve("packs/eu-legal/1.4.0");
            CliRun pull = cli.launch("packs", "pull", base + "/eu-legal-1.4.0.tar.gz", "--trust", key + ".pub",
                    "--into", into.toString());
            assertThat(pull.exitCode()).as(pull.errors()).isEqualTo(ExitCodes.OK);
            assertThat(pull.output()).contains("Pulled eu-legal 1.4.0 by Acme (EU)", "into " + into + ".");
            assertThat(into.resolve("us/crimea.drl")).hasSameTextualContentAs(Path.of(SMALL_PACK, "us/crimea.drl"));

            CliRun missing = cli.launch("packs", "pull", base + "/eu-legal-9.9.9.tar.gz", "--trust", key + ".pub",
                    "--into", dir.resolve("never").toString());
            assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(missing.errors()).contains("clearance packs pull: " + base + "/eu-legal-9.9.9.tar.gz answered HTTP 404");

            CliRun redirected = cli.launch("packs", "pull", base + "/moved", "--trust", key + ".pub",
                    "--into", dir.resolve("never").toString());
            assertThat(redirected.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(redirected.errors()).contains("http://example.invalid/eu-legal-1.4.0.tar.gz (redirected from "
                    + base + "/moved): HTTPS is required");
            assertThat(dir.resolve("never")).doesNotExist();
            assertThat(missing.errors() + redirected.errors()).doesNotContain("\tat ", "Exception");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldRefusePlainHttpToAnotherHostBeforeConnecting() {
        String key = keygen("acme");
        CliRun pull = cli.launch("packs", "pull", "http://example.invalid/x.tar.gz", "--trust", key + ".pub");
        assertThat(pull.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(pull.errors()).contains("clearance packs pull: http://example.invalid/x.tar.gz: HTTPS is required")
                .doesNotContain("cannot connect", "Exception");
    }

    @Test
    void shouldRefuseATamperedOrUntrustedBundleAndLeaveNothingBehind() throws IOException {
        String key = keygen("acme");
        String stranger = keygen("stranger");
        Path bundle = build(key, "eu-legal", "1.4.0");
        Path tampered = dir.resolve("tampered.tar.gz");
        rewrite(bundle, tampered, "us/crimea.drl");
        Path into = dir.resolve("packs/eu-legal/1.4.0");

        CliRun refused = cli.launch("packs", "pull", tampered.toString(), "--trust", key + ".pub", "--into", into.toString());
        CliRun untrusted = cli.launch("packs", "pull", bundle.toString(), "--trust", stranger + ".pub", "--into", into.toString());

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(refused.errors()).contains("clearance packs pull: refused: tampered.tar.gz does not match its signed "
                + "manifest: us/crimea.drl has SHA-256");
        assertThat(untrusted.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(untrusted.errors()).contains("refused: .signatures.json holds no signature by a trusted key");
        assertThat(dir.resolve("packs")).doesNotExist();
    }

    @Test
    void shouldRefuseADowngradeUnlessAllowed() {
        String key = keygen("acme");
        Path newer = build(key, "eu-legal", "1.5.0");
        Path older = build(key, "eu-legal", "1.4.0");
        Path packs = dir.resolve("packs/eu-legal");
        CliRun first = cli.launch("packs", "pull", newer.toString(), "--trust", key + ".pub", "--into", packs.resolve("1.5.0").toString());
        assertThat(first.exitCode()).as(first.errors()).isEqualTo(ExitCodes.OK);

        CliRun downgrade = cli.launch("packs", "pull", older.toString(), "--trust", key + ".pub", "--into", packs.resolve("1.4.0").toString());
        assertThat(downgrade.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(downgrade.errors()).contains("refused: " + packs + " holds eu-legal 1.5.0, a higher version than the "
                + "bundle's 1.4.0: pulling it would be a downgrade (pass --allow-downgrade");
        assertThat(packs.resolve("1.4.0")).doesNotExist();

        CliRun allowed = cli.launch("packs", "pull", older.toString(), "--trust", key + ".pub", "--into",
                packs.resolve("1.4.0").toString(), "--allow-downgrade");
        assertThat(allowed.exitCode()).as(allowed.errors()).isEqualTo(ExitCodes.OK);
        assertThat(allowed.output()).contains("Pulled eu-legal 1.4.0");
    }

    @Test
    void shouldBuildASplitFolderAndTestAPulledLayerStackedOnTheBaseItRequiresNeverAlone() throws IOException {
        String key = keygen("authority");
        String prefix = "split-test-" + UUID.randomUUID().toString().substring(0, 8);
        Path folder = dir.resolve("pack");
        FileTrees.copy(Path.of(SMALL_PACK), folder);
        Files.writeString(folder.resolve("bundles.yaml"), """
                version: 2.0.0
                publisher: Test Authority
                bundles:
                  - name: %1$s-eu
                    jurisdictions: [EU]
                    folders: [eu, bases]
                  - name: %1$s-us
                    jurisdictions: [US]
                    requires: [%1$s-eu]
                    folders: [us]
                """.formatted(prefix));
        Path dist = dir.resolve("dist");

        CliRun withName = cli.launch("packs", "build", folder.toString(), "--sign", key + ".key", "--output-dir",
                dir.resolve("named").toString(), "--name", "one");
        assertThat(withName.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(withName.errors()).contains("has bundles.yaml, which describes its bundles: give only --sign and --output-dir");
        CliRun neither = cli.launch("packs", "build", folder.toString(), "--sign", key + ".key");
        assertThat(neither.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(neither.errors()).contains("give --output FILE, or --output-dir DIR");

        CliRun build = cli.launch("packs", "build", folder.toString(), "--sign", key + ".key", "--output-dir", dist.toString());
        assertThat(build.exitCode()).as(build.errors()).isEqualTo(ExitCodes.OK);
        assertThat(build.output()).contains(prefix + "-eu 2.0.0 by Test Authority, 5 files, signed",
                prefix + "-us 2.0.0 by Test Authority, 2 files, requires " + prefix + "-eu 2.0.0 or a later 2.x, signed");
        String layer = dist.resolve(prefix + "-us-2.0.0.tar.gz").toString();
        String base = dist.resolve(prefix + "-eu-2.0.0.tar.gz").toString();
        try {
            CliRun first = cli.launch("packs", "pull", layer, "--trust", key + ".pub");
            assertThat(first.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(first.errors()).contains("pulled, but not tested: " + prefix + "-us 2.0.0 builds on " + prefix
                    + "-eu 2.0.0 or a later 2.x, which is not pulled into packs: pull it first");

            CliRun pulledBase = cli.launch("packs", "pull", base, "--trust", key + ".pub");
            assertThat(pulledBase.exitCode()).as(pulledBase.errors()).isEqualTo(ExitCodes.OK);

            CliRun stacked = cli.launch("packs", "pull", layer, "--trust", key + ".pub");
            assertThat(stacked.exitCode()).as(stacked.errors()).isEqualTo(ExitCodes.OK);
            assertThat(stacked.output()).contains("was already pulled", "Rule tests: ", " passed, every rule covered (3 rules).",
                    "It is a layer of a stack: list it in an overlay's stack.yaml");

            CliRun alone = cli.launch("packs", "pull", layer, "--trust", key + ".pub", "--activate");
            assertThat(alone.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(alone.errors()).contains(prefix + "-us builds on " + prefix + "-eu 2.0.0 or a later 2.x: it is a "
                    + "layer, not a whole pack");
        } finally {
            FileTrees.deleteQuietly(Path.of("packs", prefix + "-us"));
            FileTrees.deleteQuietly(Path.of("packs", prefix + "-eu"));
            try (var left = Files.list(Path.of("packs"))) {
                if (left.findAny().isEmpty()) {
                    Files.delete(Path.of("packs"));
                }
            }
        }
    }

    private String keygen(String name) {
        String key = dir.resolve(name).toString();
        CliRun keygen = cli.launch("packs", "keygen", key);
        assertThat(keygen.exitCode()).as(keygen.errors()).isEqualTo(ExitCodes.OK);
        return key;
    }

    private Path build(String key, String name, String version) {
        Path bundle = dir.resolve(name + "-" + version + ".tar.gz");
        CliRun build = cli.launch("packs", "build", SMALL_PACK, "--sign", key + ".key", "--output", bundle.toString(),
                "--name", name, "--pack-version", version, "--publisher", "Acme", "--jurisdiction", "EU");
        assertThat(build.exitCode()).as(build.errors()).isEqualTo(ExitCodes.OK);
        return bundle;
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
