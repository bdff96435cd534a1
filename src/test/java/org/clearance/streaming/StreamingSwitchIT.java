package org.clearance.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar with streaming switched on: CLI commands still never touch Kafka, and `serve` needs a broker address. */
class StreamingSwitchIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void shouldScreenFromTheCommandLineWithoutConnectingToKafkaEvenWhenStreamingIsConfigured() throws Exception {
        // Nothing listens on port 1: a command that tried to reach the broker would log connection failures.
        Run run = clearance("-Dclearance.streaming.enabled=true", "-Dkafka.bootstrap.servers=127.0.0.1:1",
                "-Dquarkus.log.level=INFO", "screen", "examples/orders/03-italian-furniture-to-kazakhstan-clear.json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(": CLEAR");
        // No Kafka client log (org.apache.kafka) and no Kafka connector message (SRMSG18xxx) at INFO level.
        assertThat(run.err()).doesNotContain("org.apache.kafka", "SRMSG18", "Streaming orders");
    }

    @Test
    void shouldRefuseToServeWithStreamingOnButNoBrokerAddress() throws Exception {
        Run run = clearance("-Dclearance.streaming.enabled=true", "-Dquarkus.http.port=0", "serve");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("clearance.streaming.enabled=true needs kafka.bootstrap.servers");
    }

    private static Run clearance(String... args) throws Exception {
        Path work = Files.createTempDirectory("streaming-switch");
        List<String> command = org.clearance.testing.PackagedJar.java();
        command.addAll(List.of("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + work.resolve("db/clearance") + ";AUTO_SERVER=TRUE"));
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("-D") ? command : rest).add(arg);
        }
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(rest);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("clearance did not finish: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
