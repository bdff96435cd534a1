package org.clearance.lists;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Downloads each source configured with a URL ({@code clearance.lists.sources.<name>.url/format/every}) on its own
 * schedule and imports it through {@link ListImportService}: atomic, an identical file changes nothing, and a failed
 * download or a malformed file leaves the previous version active. Only {@code serve} schedules the jobs, so CLI runs
 * never touch the network.
 */
@ApplicationScoped
public class ListDownloads {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private final ListsConfig config;
    private final ListImportService imports;
    private final Scheduler scheduler;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    ListDownloads(ListsConfig config, ListImportService imports, Scheduler scheduler) {
        this.config = config;
        this.imports = imports;
        this.scheduler = scheduler;
    }

    /**
     * Schedules one job per source that has a URL; returns how many. An interval job first runs at the scheduler's next
     * tick (about a second later), then every {@code every}.
     */
    public int schedule() {
        int scheduled = 0;
        for (Map.Entry<String, ListsConfig.Source> source : config.sources().entrySet()) {
            String name = source.getKey();
            ListsConfig.Source settings = source.getValue();
            if (settings.url().isEmpty()) {
                continue; // no URL: imported by hand (CLI or upload) only
            }
            Optional<ListFormat> format = settings.format();
            if (format.isEmpty() || isMultiFile(format.get())) {
                Log.warnf("List %s: not downloaded; a URL needs a single-file format (clearance.lists.sources.%s.format)",
                        name, name);
                continue;
            }
            URI url = URI.create(settings.url().get());
            scheduler.newJob("list-download-" + name)
                    .setInterval(settings.every().toString())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> download(name, url, format.get()))
                    .schedule();
            Log.infof("List %s: downloaded every %s from %s", name, settings.every(), url);
            scheduled++;
        }
        return scheduled;
    }

    /**
     * Downloads {@code url} to a temporary file and imports it as the new version of {@code source}. Never throws:
     * a failure is logged in one line and the active version stays.
     *
     * @return the import result, or empty when the download or the import failed
     */
    public Optional<ImportResult> download(String source, URI url, ListFormat format) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("clearance-list-");
            Path file = dir.resolve(fileName(source, url));
            HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build();
            HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() != 200) {
                Log.warnf("List %s: download from %s failed with HTTP %d; the active version stays", source, url,
                        response.statusCode());
                return Optional.empty();
            }
            ImportResult result = imports.importFile(source, format, file, ImportProgress.NONE,
                    org.clearance.security.Actor.system("download"), false);
            result.unmappedLists().forEach(u -> Log.warnf("List %s: list code %s", source, u.describe()));
            return Optional.of(result);
        } catch (ListFormatException | ListShrinkRefusedException e) {
            Log.warnf("List %s: downloaded file refused (%s); the active version stays", source, e.getMessage());
        } catch (IOException | RuntimeException e) {
            Log.warnf("List %s: download from %s failed (%s); the active version stays", source, url, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Log.warnf("List %s: download from %s interrupted; the active version stays", source, url);
        } finally {
            delete(dir);
        }
        return Optional.empty();
    }

    private static boolean isMultiFile(ListFormat format) {
        return format == ListFormat.OFAC_SDN_CSV || format == ListFormat.OFAC_CONSOLIDATED_CSV;
    }

    /** The URL's last path segment (readers and the stored version keep it), else the source name. */
    private static String fileName(String source, URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() || !last.matches("[A-Za-z0-9._-]+") ? source + ".download" : last;
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            Log.debugf("could not delete %s: %s", dir, e.getMessage());
        }
    }
}
