package org.clearance.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clearance.rules.guard.HostilePacks;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as a user runs it: as a separate process with stdin, stdout and an exit code. */
class ClearanceJarIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void shouldScreenNdjsonFromStdinAndExitOneForABlockedOrder() throws Exception {
        Run run = clearance(Files.readAllBytes(Path.of("examples/orders/batch-small.ndjson")),
                "screen", "--format", "json", "-");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("\"source\" : \"<stdin>:3\"").contains("\"order_id\" : \"BATCH-2026-002\"");
        assertThat(run.out().strip()).startsWith("{").endsWith("}");
    }

    @Test
    void shouldNotOpenTheHttpPortForCliCommands() throws Exception {
        // With port 8080 taken, a CLI command that tried to open it would fail.
        try (ServerSocket taken = new ServerSocket(8080)) {
            Run run = clearance(new byte[0], "screen", "examples/orders/03-italian-furniture-to-kazakhstan-clear.json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains(": CLEAR");
        } catch (java.net.BindException e) {
            // Something else already holds 8080 on this machine: the same proof holds.
            Run run = clearance(new byte[0], "screen", "examples/orders/03-italian-furniture-to-kazakhstan-clear.json");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    @Test
    void shouldRefuseToServeWithABrokenRulePack() throws Exception {
        Path pack = Files.createTempDirectory("pack");
        Files.writeString(pack.resolve("bad.drl"), "package bad;\nrule \"X\" when then end\n");

        Run run = clearance(new byte[0], "-Dquarkus.http.port=0", "serve", "--rules", pack.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("bad.drl:2: rule \"X\" lacks @id, @jurisdiction, @severity, @citation, @effective")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseToServeAHostilePackWithoutRunningAnyOfIt() throws Exception {
        HostilePacks.clearMarkers();
        for (List<String> files : List.of(HostilePacks.sourceRefused(), List.copyOf(HostilePacks.COMPILED))) {
            Path pack = HostilePacks.pack(Files.createTempDirectory("hostile"), files);

            Run run = clearance(new byte[0], "-Dquarkus.http.port=0", "serve", "--rules", pack.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
            assertThat(run.err()).contains(HostilePacks.expected(files)).doesNotContain("\tat ");
        }
        assertThat(HostilePacks.markersPresent()).isEmpty();
    }

    private static Run clearance(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("-D") ? command : rest).add(arg);
        }
        command.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:./target/it-db/clearance;AUTO_SERVER=TRUE");
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(rest);
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().write(stdin);
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("clearance did not finish: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
