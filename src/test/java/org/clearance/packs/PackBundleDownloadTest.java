package org.clearance.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Downloading a bundle for packs pull: the size cap (announced or not), the timeout, and which URLs may be fetched. */
class PackBundleDownloadTest {

    private static final int BODY = 10_000;
    private HttpServer server;
    private String base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            // "/chunked": no Content-Length, so only counting the bytes received can stop it.
            exchange.sendResponseHeaders(200, path.equals("/chunked") || path.equals("/stalls") ? 0 : BODY);
            try (OutputStream body = exchange.getResponseBody()) {
                if (path.equals("/stalls")) {
                    body.write(1);
                    body.flush();
                    Thread.sleep(2_000); // longer than the client waits; short, as it holds up the server's stop
                }
                body.write(new byte[BODY]);
            } catch (InterruptedException | IOException e) {
                // the client gave up, as it should
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldDownloadABodyWithinTheLimit() throws IOException {
        Path file = new BundleDownload(BODY).download(base + "/bundle.tar.gz");
        try {
            assertThat(Files.size(file)).isEqualTo(BODY);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void shouldStopADownloadOverTheLimitWhetherItsLengthIsAnnouncedOrNot() {
        for (String path : new String[] {"/announced", "/chunked"}) {
            assertThatThrownBy(() -> new BundleDownload(BODY - 1).download(base + path)).as(path)
                    .isInstanceOf(BundleDownloadException.class)
                    .hasMessage(base + path + " is larger than 9999 bytes, the most a bundle may unpack to "
                            + "(clearance.packs.max-unpacked-bytes); the download was stopped");
        }
    }

    @Test
    void shouldGiveUpOnAServerThatStalls() {
        BundleDownload impatient = new BundleDownload(BODY * 2, Duration.ofSeconds(2), Duration.ofMillis(500));
        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.download(base + "/stalls"))
                .isInstanceOf(BundleDownloadException.class)
                .hasMessage(base + "/stalls did not finish downloading within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_800));
    }

    @Test
    void shouldNotShowCredentialsOrTokensOfAUrlInItsMessages() {
        assertThatThrownBy(() -> new BundleDownload(BODY).download("http://user:secret@packs.example.org/eu.tar.gz?token=t0ps3cret"))
                .isInstanceOf(BundleDownloadException.class)
                .hasMessageStartingWith("http://packs.example.org/eu.tar.gz?…: HTTPS is required")
                .hasMessageNotContaining("secret").hasMessageNotContaining("t0ps3cret");
    }

    @Test
    void shouldAcceptHttpsAndHttpToThisMachineOnly() {
        assertThat(BundleDownload.allowed(URI.create("https://packs.example.org/eu.tar.gz"), null)).isNotNull();
        assertThat(BundleDownload.allowed(URI.create("http://localhost:8080/eu.tar.gz"), null)).isNotNull();
        assertThat(BundleDownload.allowed(URI.create("http://[::1]:8080/eu.tar.gz"), null)).isNotNull();

        assertThatThrownBy(() -> BundleDownload.allowed(URI.create("http://packs.example.org/eu.tar.gz"), null))
                .hasMessageContaining("HTTPS is required");
        assertThatThrownBy(() -> BundleDownload.allowed(URI.create("ftp://packs.example.org/eu.tar.gz"), null))
                .hasMessageContaining("is not an https:// URL");
        assertThatThrownBy(() -> BundleDownload.allowed(URI.create("http://127.0.0.1/eu.tar.gz"),
                URI.create("https://packs.example.org/eu.tar.gz")))
                .hasMessage("https://packs.example.org/eu.tar.gz redirects to http://127.0.0.1/eu.tar.gz: HTTPS is required, "
                        + "a redirect to plain http:// is refused");
    }
}
