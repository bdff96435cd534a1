package org.clearance.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clearance.facts.DataRow;

/**
 * Fictional rows that rule tests add to a pack's reference data, from {@code bases/data/} (same relative
 * names as {@code data/}). Some official lists are not shipped yet (their data file has a header and no
 * rows); without fixture rows the rules reading them could never fire in a test. Fixture rows never reach
 * a production screening: only the rule-test runner calls {@link #overlay}.
 */
public final class FixtureData {

    /** Where fixture rows live, relative to the rules directory. */
    public static final String DIRECTORY = "bases/data";

    private FixtureData() {
    }

    /**
     * The pack with the rows of every fixture file under {@code root}'s {@value #DIRECTORY} added to the data set of
     * the same name, and the problems found.
     */
    public static Overlay overlay(RulePack pack, Path root) {
        Path fixtures = root.resolve(DIRECTORY);
        List<RulePackProblem> problems = new ArrayList<>();
        Map<String, List<DataRow>> extraRows = new HashMap<>();
        for (Path file : csvFiles(fixtures)) {
            String relative = RulePackLoader.relative(root, file);
            String name = RulePackLoader.relative(fixtures, file).replaceFirst("(?i)\\.csv$", "");
            DataSet target = pack.dataSets().stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
            if (target == null) {
                problems.add(new RulePackProblem(relative, 0, "no data file " + RulePackLoader.DATA_DIR + "/" + name
                        + ".csv to add fixture rows to: a fixture only extends a data file the pack ships"));
                continue;
            }
            DataSet fixture = read(file, relative, name, problems);
            if (fixture == null) {
                continue;
            }
            if (!fixture.columns().equals(target.columns())) {
                problems.add(new RulePackProblem(relative, 0, "columns " + fixture.columns() + " differ from "
                        + target.file() + " " + target.columns()));
                continue;
            }
            extraRows.put(name, fixture.rows());
        }
        if (extraRows.isEmpty()) {
            return new Overlay(pack, problems);
        }
        List<DataSet> dataSets = pack.dataSets().stream().map(d -> withRows(d, extraRows.get(d.name()))).toList();
        return new Overlay(pack.withDataSets(dataSets), problems);
    }

    private static DataSet read(Path file, String relative, String name, List<RulePackProblem> problems) {
        try {
            return ReferenceDataReader.read(file, relative, name, problems, false);
        } catch (IOException e) {
            problems.add(new RulePackProblem(relative, 0, "cannot read: " + e.getMessage()));
            return null;
        }
    }

    private static DataSet withRows(DataSet dataSet, List<DataRow> extra) {
        if (extra == null) {
            return dataSet;
        }
        List<DataRow> rows = new ArrayList<>(dataSet.rows());
        rows.addAll(extra);
        return new DataSet(dataSet.name(), dataSet.file(), dataSet.source(), dataSet.version(), dataSet.columns(), rows,
                dataSet.completeness());
    }

    private static List<Path> csvFiles(Path dir) {
        try {
            return RulePackLoader.files(dir, ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /** A pack with fixture rows, and what was wrong with the fixture files. */
    public record Overlay(RulePack pack, List<RulePackProblem> problems) {

        public Overlay {
            problems = List.copyOf(problems);
        }
    }
}
