package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearance keys create|list|revoke} and {@code lists import --allow-shrink} as the jar's main, needing no key. */
@QuarkusMainTest
@Tag("cli")
class KeysCliTest {

    @TempDir
    Path dir;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldPrintTheSecretOnceOnALineOfItsOwnListWithoutItAndRevoke(QuarkusMainLauncher launcher) {
        String name = unique("ci");
        LaunchResult created = launcher.launch("keys", "create", "--name", name, "--role", "screener", "--role", "auditor",
                "--expires", "2099-12-31");
        assertThat(created.exitCode()).as(created.getErrorOutput()).isEqualTo(ExitCodes.OK);
        // In a test the framework's own log lines land on stdout too; the key is the one line that mentions it.
        List<String> keyLines = created.getOutputStream().stream().filter(l -> l.contains("clr_")).toList();
        assertThat(keyLines).hasSize(1);
        String secret = keyLines.get(0);
        assertThat(secret).as("the key alone on its line").matches("clr_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(created.getErrorOutput()).contains("shown only this once").doesNotContain(secret);

        LaunchResult listed = launcher.launch("keys", "list");
        assertThat(listed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(listed.getOutput()).containsPattern(name + "\\s+clr_" + secret.substring(4, 16) + "_…\\s+active\\s+2099-12-31")
                .doesNotContain(secret.substring(17));

        LaunchResult revoked = launcher.launch("keys", "revoke", name);
        assertThat(revoked.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(revoked.getOutput()).contains(name + ": revoked at ").contains(" by cli:");
        assertThat(launcher.launch("keys", "list").getOutput()).containsPattern(name + "\\s+\\S+\\s+revoked");
    }

    @Test
    void shouldExitTwoForAnUnknownRoleAPastDateOrAnUnknownKey(QuarkusMainLauncher launcher) {
        LaunchResult role = launcher.launch("keys", "create", "--name", unique("x"), "--role", "root");
        assertThat(role.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(role.getErrorOutput()).contains("unknown role 'root'");
        assertThat(role.getOutput()).doesNotContain("clr_");

        LaunchResult past = launcher.launch("keys", "create", "--name", unique("x"), "--role", "admin", "--expires", "2001-01-01");
        assertThat(past.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(past.getErrorOutput()).contains("in the past");

        LaunchResult unknown = launcher.launch("keys", "revoke", unique("nobody"));
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(unknown.getErrorOutput()).contains("no API key named");
    }

    @Test
    void shouldRefuseAListImportThatDropsMostEntriesUnlessAllowed(QuarkusMainLauncher launcher) throws Exception {
        String source = unique("gut");
        Path full = Files.writeString(dir.resolve("full.csv"), "name,aliases,country,address,reason\n"
                + "Orvanta Alloys,,AE,,x\nPelkor Devices,,AE,,x\nQuinmar Optics,,AE,,x\nRastovan Labs,,AE,,x\n");
        Path one = Files.writeString(dir.resolve("one.csv"), "name,aliases,country,address,reason\nOrvanta Alloys,,AE,,x\n");
        assertThat(launcher.launch("lists", "import", full.toString(), "--source", source, "--format", "custom_csv").exitCode())
                .isEqualTo(ExitCodes.OK);

        LaunchResult refused = launcher.launch("lists", "import", one.toString(), "--source", source, "--format", "custom_csv");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(refused.getErrorOutput()).contains("3 fewer than the 4 entries of the active version (75 %)")
                .contains("--allow-shrink");

        LaunchResult allowed = launcher.launch("lists", "import", one.toString(), "--source", source, "--format", "custom_csv",
                "--allow-shrink");
        assertThat(allowed.exitCode()).as(allowed.getErrorOutput()).isEqualTo(ExitCodes.OK);
        assertThat(allowed.getOutput()).contains(source + ": imported 1 entries");
    }
}
