package org.clearance.packs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.clearance.config.ClearanceVersion;

/**
 * Downloads a bundle over HTTPS into a temporary file for {@code packs pull}, streaming and never past a size cap.
 * Plain HTTP is refused except to this machine (tests, a local mirror): a bundle is signed, but a network attacker who
 * can serve any file could still replay an old signed one. Redirects are followed by hand so that every hop passes the
 * same check, before anything connects to it.
 */
public final class BundleDownload {

    /** How long connecting to the server may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** How long the whole download may take, redirects included. */
    public static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);
    static final int MAX_REDIRECTS = 5;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final long maxBytes;
    private final Duration connectTimeout;
    private final Duration downloadTimeout;

    /** A download of at most {@code maxBytes}, with the default timeouts. */
    public BundleDownload(long maxBytes) {
        this(maxBytes, CONNECT_TIMEOUT, DOWNLOAD_TIMEOUT);
    }

    BundleDownload(long maxBytes, Duration connectTimeout, Duration downloadTimeout) {
        this.maxBytes = maxBytes;
        this.connectTimeout = connectTimeout;
        this.downloadTimeout = downloadTimeout;
    }

    /** True when {@code source} is written as a URL ({@code scheme://…}) rather than a file name. */
    public static boolean isUrl(String source) {
        return source.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*");
    }

    /** Throws a {@link BundleDownloadException} when {@code url} could not be downloaded: not a URL, not https:// (or http:// to this machine). */
    public static void checkUrl(String url) {
        allowed(parse(url), null);
    }

    /**
     * Downloads {@code url} into a new temporary file, which the caller deletes; a {@link BundleDownloadException} says
     * why it could not.
     */
    public Path download(String url) {
        URI uri = allowed(parse(url), null);
        Path file;
        try {
            file = Files.createTempFile("clearance-pull-", ".download");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the download", e);
        }
        boolean done = false;
        try {
            downloadTo(uri, file);
            done = true;
            return file;
        } finally {
            if (!done) {
                deleteQuietly(file);
            }
        }
    }

    private void downloadTo(URI first, Path file) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER) // followed below, each hop checked
                .build();
        long deadline = System.nanoTime() + downloadTimeout.toNanos();
        URI uri = first;
        for (int hop = 0; ; hop++) {
            HttpResponse<Path> response = send(client, uri, file, deadline);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return;
            }
            String location = response.headers().firstValue("location").orElse(null);
            if (status >= 300 && status < 400 && location != null) {
                if (hop == MAX_REDIRECTS) {
                    throw new BundleDownloadException(shown(first) + " redirects more than " + MAX_REDIRECTS + " times");
                }
                uri = allowed(resolve(uri, location), uri);
                continue;
            }
            throw new BundleDownloadException(shown(uri) + " answered HTTP " + status + (status == 404 ? " (not found)" : ""));
        }
    }

    private HttpResponse<Path> send(HttpClient client, URI uri, Path file, long deadline) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(downloadTimeout)
                .header("User-Agent", "Clearance/" + ClearanceVersion.CURRENT)
                .GET()
                .build();
        long left = deadline - System.nanoTime();
        var pending = client.sendAsync(request, info -> info.statusCode() >= 200 && info.statusCode() < 300
                ? CappedFileSubscriber.to(file, maxBytes, info.headers().firstValueAsLong("content-length"))
                : HttpResponse.BodySubscribers.replacing(file));
        try {
            return pending.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true); // since JDK 16 this aborts the exchange
            throw new BundleDownloadException(shown(uri) + " did not finish downloading within " + seconds(downloadTimeout));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new BundleDownloadException("the download of " + shown(uri) + " was interrupted");
        } catch (CancellationException e) {
            throw new BundleDownloadException("the download of " + shown(uri) + " was cancelled");
        } catch (ExecutionException e) {
            throw new BundleDownloadException(failure(uri, e.getCause()));
        }
    }

    private String failure(URI uri, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CappedFileSubscriber.TooLargeException) {
                return shown(uri) + " is larger than " + maxBytes + " bytes, the most a bundle may unpack to "
                        + "(clearance.packs.max-unpacked-bytes); the download was stopped";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "cannot connect to " + uri.getHost() + ": no answer within " + seconds(connectTimeout);
            }
            if (t instanceof HttpTimeoutException) {
                return shown(uri) + " did not answer within " + seconds(downloadTimeout);
            }
            if (t instanceof ConnectException) {
                return "cannot connect to " + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                        + " (connection refused or host unreachable)";
            }
        }
        String detail = cause == null ? "" : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return "cannot download " + shown(uri) + ": " + detail;
    }

    /** {@code url} as messages show it, without credentials or query (see {@link #shown(URI)}). */
    public static String shown(String url) {
        try {
            return shown(new URI(url));
        } catch (URISyntaxException e) {
            return "(an invalid URL)";
        }
    }

    /**
     * {@code uri} as messages show it: without {@code user:password@} and with its query elided, as a signed or
     * token-bearing URL carries its secret there and messages end up in CI logs.
     */
    static String shown(URI uri) {
        if (uri.getRawUserInfo() == null && uri.getRawQuery() == null) {
            return uri.toString();
        }
        String query = uri.getRawQuery() == null ? "" : "?…";
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null) + query;
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost() + "/…";
        }
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() > 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new BundleDownloadException("'" + BundlePath.printable(url) + "' is not a valid URL: " + e.getReason());
        }
    }

    private static URI resolve(URI base, String location) {
        try {
            return base.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new BundleDownloadException(base + " redirects to '" + BundlePath.printable(location)
                    + "', which is not a valid URL");
        }
    }

    /** {@code uri} when it may be fetched: HTTPS, or HTTP to this machine; {@code from} is the URL that redirected there. */
    static URI allowed(URI uri, URI from) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        String where = from == null ? "" : " (redirected from " + shown(from) + ")";
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new BundleDownloadException("'" + BundlePath.printable(shown(uri)) + "'" + where
                    + " is not an https:// URL; a bundle is downloaded over HTTPS only (or name a local file)");
        }
        if (scheme.equals("http") && !LOOPBACK.contains(host.toLowerCase(Locale.ROOT))) {
            throw new BundleDownloadException(shown(uri) + where + ": HTTPS is required; plain http:// is accepted only for "
                    + "this machine (localhost, 127.0.0.1, [::1])");
        }
        if (from != null && "https".equalsIgnoreCase(from.getScheme()) && scheme.equals("http")) {
            throw new BundleDownloadException(shown(from) + " redirects to " + shown(uri) + ": HTTPS is required, a redirect to "
                    + "plain http:// is refused");
        }
        return uri;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            org.jboss.logging.Logger.getLogger(BundleDownload.class).warnf("could not remove the download %s: %s", file, e);
        }
    }
}
