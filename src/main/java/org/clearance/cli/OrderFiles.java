package org.clearance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderInput;
import org.clearance.order.StrictUtf8;
import org.clearance.reports.SourceMap;

/**
 * Reads the order paths of {@code screen} and {@code rules diff}: files ({@code .json}: one order or
 * an array; {@code .ndjson}: one per line), folders (their {@code *.json} and {@code *.ndjson} files
 * in name order) and {@code -} for stdin. Keeps each text so reports can point at lines.
 */
final class OrderFiles {

    /** The documents read, the problems found, and the texts they came from. */
    record Read(List<OrderDocument> documents, List<InputProblem> problems, SourceMap sources) {
    }

    private OrderFiles() {
    }

    static Read read(List<String> paths, InputStream stdin) {
        List<OrderDocument> documents = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        SourceMap sources = new SourceMap();
        for (String path : paths) {
            read(path, stdin, documents, problems, sources);
        }
        return new Read(documents, problems, sources);
    }

    private static void read(String path, InputStream stdin, List<OrderDocument> documents, List<InputProblem> problems,
                             SourceMap sources) {
        if (path.equals("-")) {
            try {
                add("<stdin>", stdin.readAllBytes(), documents, problems, sources);
            } catch (IOException e) {
                problems.add(new InputProblem("<stdin>", "", "cannot read: " + reason(e)));
            }
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
            try (Stream<Path> files = Files.list(file)) {
                orders = files.filter(OrderFiles::isOrderFile).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                problems.add(new InputProblem(path, "", "cannot list the folder: " + reason(e)));
                return;
            }
            if (orders.isEmpty()) {
                problems.add(new InputProblem(path, "", "folder holds no *.json or *.ndjson files"));
            }
            // One unreadable file is reported by its own name; the rest of the folder is still screened.
            orders.forEach(order -> readFile(order.toString(), order, documents, problems, sources));
        } else if (Files.isRegularFile(file)) {
            readFile(path, file, documents, problems, sources);
        } else {
            problems.add(new InputProblem(path, "", Files.exists(file) ? "not a file or folder" : "no such file or folder"));
        }
    }

    private static void readFile(String source, Path file, List<OrderDocument> documents, List<InputProblem> problems,
                                 SourceMap sources) {
        try {
            add(source, Files.readAllBytes(file), documents, problems, sources);
        } catch (IOException e) {
            problems.add(new InputProblem(source, "", "cannot read: " + reason(e)));
        }
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

    private static void add(String source, byte[] bytes, List<OrderDocument> documents, List<InputProblem> problems,
                            SourceMap sources) {
        String text;
        try {
            text = StrictUtf8.decode(bytes);
        } catch (StrictUtf8.InvalidUtf8Exception e) {
            problems.add(new InputProblem(source, "", e.getMessage()));
            return;
        }
        sources.add(source, text);
        OrderInput.Split split = OrderInput.split(source, text);
        documents.addAll(split.documents());
        problems.addAll(split.problems());
    }

    private static boolean isOrderFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".json") || name.endsWith(".ndjson"));
    }
}
