package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearance keys create|list|revoke} and {@code lists import --allow-shrink} through the command line, needing no key. */
@QuarkusTest
@Tag("cli")
class KeysCliTest {

    @Inject
    Cli cli;

    @TempDir
    Path dir;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldPrintTheSecretOnceOnALineOfItsOwnListWithoutItAndRevoke() {
        String name = unique("ci");
        CliRun created = cli.launch("keys", "create", "--name", name, "--role", "screener", "--role", "auditor",
                "--expires", "2099-12-31");
        assertThat(created.exitCode()).as(created.errors()).isEqualTo(ExitCodes.OK);
        // In a test the framework's own log lines land on stdout too; the key is the one line that mentions it.
        List<String> keyLines = created.outputLines().stream().filter(l -> l.contains("clr_")).toList();
        assertThat(keyLines).hasSize(1);
        String secret = keyLines.get(0);
        assertThat(secret).as("the key alone on its line").matches("clr_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(created.errors()).contains("shown only this once").doesNotContain(secret);

        CliRun listed = cli.launch("keys", "list");
        assertThat(listed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(listed.output()).containsPattern(name + "\\s+clr_" + secret.substring(4, 16) + "_…\\s+active\\s+2099-12-31")
                .doesNotContain(secret.substring(17));

        CliRun revoked = cli.launch("keys", "revoke", name);
        assertThat(revoked.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(revoked.output()).contains(name + ": revoked at ").contains(" by cli:");
        assertThat(cli.launch("keys", "list").output()).containsPattern(name + "\\s+\\S+\\s+revoked");
    }

    @Test
    void shouldExitTwoForAnUnknownRoleAPastDateOrAnUnknownKey() {
        CliRun role = cli.launch("keys", "create", "--name", unique("x"), "--role", "root");
        assertThat(role.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(role.errors()).contains("unknown role 'root'");
        assertThat(role.output()).doesNotContain("clr_");

        CliRun past = cli.launch("keys", "create", "--name", unique("x"), "--role", "admin", "--expires", "2001-01-01");
        assertThat(past.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(past.errors()).contains("in the past");

        CliRun unknown = cli.launch("keys", "revoke", unique("nobody"));
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(unknown.errors()).contains("no API key named");
    }

    @Test
    void shouldRefuseAListImportThatDropsMostEntriesUnlessAllowed() throws Exception {
        String source = unique("gut");
        Path full = Files.writeString(dir.resolve("full.csv"), "name,aliases,country,address,reason\n"
                + "Orvanta Alloys,,AE,,x\nPelkor Devices,,AE,,x\nQuinmar Optics,,AE,,x\nRastovan Labs,,AE,,x\n");
        Path one = Files.writeString(dir.resolve("one.csv"), "name,aliases,country,address,reason\nOrvanta Alloys,,AE,,x\n");
        assertThat(cli.launch("lists", "import", full.toString(), "--source", source, "--format", "custom_csv").exitCode())
                .isEqualTo(ExitCodes.OK);

        CliRun refused = cli.launch("lists", "import", one.toString(), "--source", source, "--format", "custom_csv");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(refused.errors()).contains("3 fewer than the 4 entries of the active version (75 %)")
                .contains("--allow-shrink");

        CliRun allowed = cli.launch("lists", "import", one.toString(), "--source", source, "--format", "custom_csv",
                "--allow-shrink");
        assertThat(allowed.exitCode()).as(allowed.errors()).isEqualTo(ExitCodes.OK);
        assertThat(allowed.output()).contains(source + ": imported 1 entries");
    }
}
