package org.clearance.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The scheduled download job, run directly against a file served on 127.0.0.1: no network needed. */
@QuarkusTest
@Tag("database")
class ListDownloadsTest {

    private static final String GOOD = "name,aliases,country,address,reason\n"
            + "Quorvath Dynamics Ltd,,GB,,test\nVelmira Optics,,FR,,test\n";

    @Inject
    ListDownloads downloads;

    private HttpServer server;
    private final AtomicReference<byte[]> body = new AtomicReference<>(GOOD.getBytes(StandardCharsets.UTF_8));
    private final AtomicReference<Integer> status = new AtomicReference<>(200);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/lists/watchlist.csv", exchange -> {
            byte[] bytes = body.get();
            exchange.sendResponseHeaders(status.get(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/lists/watchlist.csv");
    }

    private static String uniqueSource() {
        return "dl-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String activeSha(String source) {
        return QuarkusTransaction.requiringNew().call(() -> ListImport.active(source).orElseThrow().sha256);
    }

    @Test
    void shouldImportTheDownloadedFileAndChangeNothingWhenItIsTheSameNextTime() {
        String source = uniqueSource();

        Optional<ImportResult> first = downloads.download(source, url(), ListFormat.CUSTOM_CSV);
        Optional<ImportResult> again = downloads.download(source, url(), ListFormat.CUSTOM_CSV);

        assertThat(first).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(ImportResult.Status.IMPORTED);
            assertThat(r.version().entryCount()).isEqualTo(2);
        });
        assertThat(again).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ImportResult.Status.UNCHANGED));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ListImport.count("source", source))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ListImport.active(source).orElseThrow().fileName))
                .isEqualTo("watchlist.csv");
    }

    @Test
    void shouldKeepThePreviousVersionWhenTheServerAnswersWithAnError() {
        String source = uniqueSource();
        downloads.download(source, url(), ListFormat.CUSTOM_CSV);
        String before = activeSha(source);
        status.set(503);
        body.set("maintenance".getBytes(StandardCharsets.UTF_8));

        assertThat(downloads.download(source, url(), ListFormat.CUSTOM_CSV)).isEmpty();
        assertThat(activeSha(source)).isEqualTo(before);
    }

    @Test
    void shouldKeepThePreviousVersionWhenTheDownloadedFileIsMalformed() {
        String source = uniqueSource();
        downloads.download(source, url(), ListFormat.CUSTOM_CSV);
        String before = activeSha(source);
        body.set((GOOD + "Broken Row,,Atlantis,,test\n").getBytes(StandardCharsets.UTF_8));

        assertThat(downloads.download(source, url(), ListFormat.CUSTOM_CSV)).isEmpty();
        assertThat(activeSha(source)).isEqualTo(before);
    }

    @Test
    void shouldKeepThePreviousVersionWhenNothingListens() throws IOException {
        String source = uniqueSource();
        downloads.download(source, url(), ListFormat.CUSTOM_CSV);
        String before = activeSha(source);
        URI gone = url();
        server.stop(0);

        assertThat(downloads.download(source, gone, ListFormat.CUSTOM_CSV)).isEmpty();
        assertThat(activeSha(source)).isEqualTo(before);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start(); // for @AfterEach
    }

    @Test
    void shouldScheduleNothingWhenNoSourceHasAUrl() {
        assertThat(downloads.schedule()).isZero();
    }
}
