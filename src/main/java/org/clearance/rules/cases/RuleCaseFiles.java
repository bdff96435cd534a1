package org.clearance.rules.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads every {@code *.tests.yaml} file of a rule pack, for tools other than the case runner (mutation testing). */
public final class RuleCaseFiles {

    /** The suffix of a test case file. */
    public static final String SUFFIX = RuleCaseReader.SUFFIX;

    private RuleCaseFiles() {
    }

    /** Every case of every test file under {@code root}, in file order; unreadable files are added to {@code errors}. */
    public static List<RuleCase> readAll(Path root, List<String> errors) {
        RuleCaseReader reader = new RuleCaseReader(root);
        List<RuleCase> cases = new ArrayList<>();
        for (Path file : testFiles(root)) {
            try {
                cases.addAll(reader.read(file));
            } catch (RuleCaseException e) {
                errors.add(e.getMessage());
            }
        }
        return cases;
    }

    /** The test case files under {@code root}, sorted. */
    public static List<Path> testFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
