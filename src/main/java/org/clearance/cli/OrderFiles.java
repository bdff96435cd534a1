package org.clearance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderInput;
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
        try {
            if (path.equals("-")) {
                add("<stdin>", new String(stdin.readAllBytes(), StandardCharsets.UTF_8), documents, problems, sources);
                return;
            }
            Path file = Path.of(path);
            if (Files.isDirectory(file)) {
                try (Stream<Path> files = Files.list(file)) {
                    List<Path> orders = files.filter(OrderFiles::isOrderFile).sorted().toList();
                    if (orders.isEmpty()) {
                        problems.add(new InputProblem(path, "", "folder holds no *.json or *.ndjson files"));
                    }
                    for (Path order : orders) {
                        add(order.toString(), Files.readString(order, StandardCharsets.UTF_8), documents, problems, sources);
                    }
                }
            } else if (Files.isRegularFile(file)) {
                add(path, Files.readString(file, StandardCharsets.UTF_8), documents, problems, sources);
            } else {
                problems.add(new InputProblem(path, "", "no such file or folder"));
            }
        } catch (IOException e) {
            problems.add(new InputProblem(path, "", "cannot read: " + e.getMessage()));
        }
    }

    private static void add(String source, String text, List<OrderDocument> documents, List<InputProblem> problems,
                            SourceMap sources) {
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
