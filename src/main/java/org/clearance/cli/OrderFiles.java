package org.clearance.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderInput;
import org.clearance.order.StrictUtf8;
import org.clearance.reports.SourceMap;

/**
 * Reads the order paths of {@code screen} and {@code rules diff}: files ({@code .json}: one order or an array;
 * NDJSON: one per line), folders (their {@code *.json} and {@code *.ndjson} files in name order) and {@code -} for
 * stdin. {@link #read} reads everything and keeps each text, so that reports can point at lines; {@link #open} hands
 * out a few orders at a time and reads NDJSON a line at a time, so that a run of any length needs bounded memory.
 */
final class OrderFiles implements AutoCloseable {

    /** Longest NDJSON line read: far above any order within the input limits, far below the heap. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    /** The documents read, the problems found, and the texts they came from. */
    record Read(List<OrderDocument> documents, List<InputProblem> problems, SourceMap sources) {
    }

    /** The next documents of a stream and the problems found while reading them; no documents and done at the end. */
    record Chunk(List<OrderDocument> documents, List<InputProblem> problems, boolean done) {
    }

    private final Deque<String> paths;
    private final InputStream stdin;
    private final boolean keepTexts;
    private final SourceMap sources = new SourceMap();
    private final Deque<OrderDocument> ready = new ArrayDeque<>();
    private final List<InputProblem> problems = new ArrayList<>();
    private final Deque<String> files = new ArrayDeque<>();
    private NdjsonLines lines;

    private OrderFiles(List<String> paths, InputStream stdin, boolean keepTexts) {
        this.paths = new ArrayDeque<>(paths);
        this.stdin = stdin;
        this.keepTexts = keepTexts;
    }

    /** Reads every path whole, keeping the texts. */
    static Read read(List<String> paths, InputStream stdin) {
        try (OrderFiles input = new OrderFiles(paths, stdin, true)) {
            List<OrderDocument> documents = new ArrayList<>();
            List<InputProblem> problems = new ArrayList<>();
            Chunk chunk;
            do {
                chunk = input.next(Integer.MAX_VALUE);
                documents.addAll(chunk.documents());
                problems.addAll(chunk.problems());
            } while (!chunk.done());
            return new Read(documents, problems, input.sources);
        }
    }

    /**
     * The paths as a stream of documents. With {@code keepTexts} every file is read whole and its text kept in
     * {@link #sources()}; without, NDJSON files and stdin are read a line at a time and no text is kept.
     */
    static OrderFiles open(List<String> paths, InputStream stdin, boolean keepTexts) {
        return new OrderFiles(paths, stdin, keepTexts);
    }

    /** The texts read so far (only with {@code keepTexts}). */
    SourceMap sources() {
        return sources;
    }

    /** Up to {@code max} more documents, in input order, and the problems found reading them. */
    Chunk next(int max) {
        List<OrderDocument> documents = new ArrayList<>();
        while (documents.size() < max) {
            if (!ready.isEmpty()) {
                documents.add(ready.poll());
            } else if (lines != null) {
                if (!lines.readOrder()) {
                    lines.close();
                    lines = null;
                }
            } else if (!files.isEmpty()) {
                openFile(files.poll());
            } else if (!paths.isEmpty()) {
                expand(paths.poll());
            } else {
                break;
            }
        }
        List<InputProblem> found = List.copyOf(problems);
        problems.clear();
        boolean done = ready.isEmpty() && lines == null && files.isEmpty() && paths.isEmpty();
        return new Chunk(documents, found, done);
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
            lines = null;
        }
    }

    /** Queues the files a path names: itself, a folder's order files, or stdin ({@code -}). */
    private void expand(String path) {
        if (path.equals("-")) {
            files.add(path);
            return;
        }
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            problems.add(new InputProblem(path, "", "not a valid path: " + e.getReason()));
            return;
        }
        if (Files.isDirectory(file)) {
            List<Path> orders;
            try (Stream<Path> listed = Files.list(file)) {
                orders = listed.filter(OrderFiles::isOrderFile).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                problems.add(new InputProblem(path, "", "cannot list the folder: " + reason(e)));
                return;
            }
            if (orders.isEmpty()) {
                problems.add(new InputProblem(path, "", "folder holds no *.json or *.ndjson files"));
            }
            // One unreadable file is reported by its own name; the rest of the folder is still screened.
            orders.forEach(order -> files.add(order.toString()));
        } else if (Files.isRegularFile(file)) {
            files.add(path);
        } else {
            problems.add(new InputProblem(path, "", Files.exists(file) ? "not a file or folder" : "no such file or folder"));
        }
    }

    private void openFile(String path) {
        String source = path.equals("-") ? "<stdin>" : path;
        InputStream in;
        try {
            in = path.equals("-") ? stdin : Files.newInputStream(Path.of(path));
        } catch (IOException e) {
            problems.add(new InputProblem(source, "", "cannot read: " + reason(e)));
            return;
        }
        try {
            if (keepTexts) {
                addWhole(source, in.readAllBytes());
                closeUnlessStdin(in);
                return;
            }
            NdjsonLines candidate = new NdjsonLines(source, in);
            if (candidate.startsAsNdjson()) {
                lines = candidate;
            } else {
                addWhole(source, candidate.readAll());
                candidate.close();
            }
        } catch (IOException e) {
            problems.add(new InputProblem(source, "", "cannot read: " + reason(e)));
            closeUnlessStdin(in);
        }
    }

    private void closeUnlessStdin(InputStream in) {
        if (in != stdin) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Read to the end already; nothing is lost.
            }
        }
    }

    private void addWhole(String source, byte[] bytes) {
        String text;
        try {
            text = StrictUtf8.decode(bytes);
        } catch (StrictUtf8.InvalidUtf8Exception e) {
            problems.add(new InputProblem(source, "", e.getMessage()));
            return;
        }
        if (keepTexts) {
            sources.add(source, text);
        }
        OrderInput.Split split = OrderInput.split(source, text);
        ready.addAll(split.documents());
        problems.addAll(split.problems());
    }

    /** What went wrong in words, without the exception's class name (AccessDeniedException → "permission denied"). */
    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(cause.getMessage());
    }

    private static boolean isOrderFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".json") || name.endsWith(".ndjson"));
    }

    /**
     * One input read a line at a time. It first reads up to the second non-blank line to tell NDJSON from one JSON
     * document (as {@link OrderInput#split} does for a whole text), keeping every byte it read in case it is not.
     */
    private final class NdjsonLines {

        private final String source;
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private ByteArrayOutputStream peeked = new ByteArrayOutputStream();
        private final Deque<Line> firstLines = new ArrayDeque<>();
        private int lineNumber;

        /** A line's bytes without its line break; null bytes for a line over the limit. */
        private record Line(int number, byte[] bytes) {
        }

        NdjsonLines(String source, InputStream in) {
            this.source = source;
            this.in = in;
        }

        /** Reads the first two non-blank lines and says whether they start NDJSON. */
        boolean startsAsNdjson() throws IOException {
            List<String> nonBlank = new ArrayList<>(2);
            try {
                while (nonBlank.size() < 2) {
                    Line line = nextLine();
                    if (line == null || line.bytes() == null) {
                        return false;
                    }
                    firstLines.add(line);
                    String text = StrictUtf8.decode(line.bytes());
                    if (!text.isBlank()) {
                        nonBlank.add(text);
                    }
                }
            } catch (StrictUtf8.InvalidUtf8Exception e) {
                return false;
            }
            boolean ndjson = OrderInput.isNdjson(nonBlank);
            if (ndjson) {
                peeked = null; // read a line at a time from here on: keep nothing
            }
            return ndjson;
        }

        /** Every byte of the input, those read while peeking included (every filled buffer is kept whole). */
        byte[] readAll() throws IOException {
            position = limit;
            peeked.write(in.readAllBytes());
            return peeked.toByteArray();
        }

        /** Reads lines until one holds an order (or a problem); false at the end of the input. */
        boolean readOrder() {
            try {
                while (true) {
                    Line line = firstLines.isEmpty() ? nextLine() : firstLines.poll();
                    if (line == null) {
                        return false;
                    }
                    String at = source + ":" + line.number();
                    if (line.bytes() == null) {
                        problems.add(new InputProblem(at, "", "line longer than " + MAX_LINE_BYTES / (1024 * 1024)
                                + " MiB; each line holds one order"));
                        return true;
                    }
                    String text;
                    try {
                        text = StrictUtf8.decode(line.bytes());
                    } catch (StrictUtf8.InvalidUtf8Exception e) {
                        problems.add(new InputProblem(at, "", e.getMessage()));
                        return true;
                    }
                    if (!text.isBlank()) {
                        List<OrderDocument> read = new ArrayList<>(1);
                        OrderInput.addLine(source, line.number(), text, read, problems);
                        ready.addAll(read);
                        return true;
                    }
                }
            } catch (IOException e) {
                problems.add(new InputProblem(source + ":" + (lineNumber + 1), "", "cannot read: " + reason(e)));
                return false;
            }
        }

        /** The next line without its line break ({@code \n} or {@code \r\n}); null at the end of the input. */
        private Line nextLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit && !fill()) {
                    break;
                }
                any = true;
                int end = position;
                while (end < limit && buffer[end] != '\n') {
                    end++;
                }
                int length = end - position;
                if (line.size() + length > MAX_LINE_BYTES) {
                    tooLong = true;
                } else {
                    line.write(buffer, position, length);
                }
                boolean broken = end < limit;
                position = broken ? end + 1 : end;
                if (broken) {
                    break;
                }
            }
            if (!any) {
                return null;
            }
            lineNumber++;
            if (tooLong) {
                return new Line(lineNumber, null);
            }
            byte[] bytes = line.toByteArray();
            boolean crlf = bytes.length > 0 && bytes[bytes.length - 1] == '\r';
            return new Line(lineNumber, crlf ? java.util.Arrays.copyOf(bytes, bytes.length - 1) : bytes);
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            if (peeked != null) {
                peeked.write(buffer, 0, read);
            }
            position = 0;
            limit = read;
            return true;
        }

        void close() {
            closeUnlessStdin(in);
        }
    }
}
