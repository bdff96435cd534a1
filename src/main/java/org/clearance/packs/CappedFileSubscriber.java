package org.clearance.packs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.net.http.HttpResponse;

/**
 * Writes a response body to a file as it arrives and stops the download once it passes {@code maxBytes}: counted from
 * the bytes received, so a server that sends no or a false Content-Length cannot fill the disk.
 */
final class CappedFileSubscriber implements HttpResponse.BodySubscriber<Path> {

    /** The body is larger than the cap. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("the body is larger than the download limit");
        }
    }

    private final Path file;
    private final long maxBytes;
    private final CompletableFuture<Path> body = new CompletableFuture<>();
    private FileChannel channel;
    private Flow.Subscription subscription;
    private long received;

    private CappedFileSubscriber(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    /** A subscriber for a response that announced {@code contentLength}: refused at once when that is over the cap. */
    static HttpResponse.BodySubscriber<Path> to(Path file, long maxBytes, OptionalLong contentLength) {
        CappedFileSubscriber subscriber = new CappedFileSubscriber(file, maxBytes);
        if (contentLength.isPresent() && contentLength.getAsLong() > maxBytes) {
            subscriber.body.completeExceptionally(new TooLargeException());
        }
        return subscriber;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (body.isDone()) {
            subscription.cancel();
            return;
        }
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            fail(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        try {
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
                if (received > maxBytes) {
                    fail(new TooLargeException());
                    return;
                }
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            fail(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        close();
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        try {
            if (channel != null) {
                channel.close();
            }
            body.complete(file);
        } catch (IOException e) {
            body.completeExceptionally(e);
        }
    }

    @Override
    public CompletionStage<Path> getBody() {
        return body;
    }

    private void fail(IOException e) {
        subscription.cancel();
        close();
        body.completeExceptionally(e);
    }

    private void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the download failed already; the caller deletes the file
        }
    }
}
