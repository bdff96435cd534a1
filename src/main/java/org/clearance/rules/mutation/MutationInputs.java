package org.clearance.rules.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clearance.rules.DataSet;
import org.clearance.rules.RuleCatalogue;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePack;
import org.clearance.rules.cases.RuleCase;

/**
 * What a rule's mutation score depends on besides its own source: the tests files its cases come from (its own,
 * which also records its equivalent mutants, and every file with a case that expects it) and the data files it
 * reads. A score measured on other inputs is out of date even when the rule is not: a case taken out can let a
 * mutant survive. Other rules of the pack can change a score too; the full run ({@code rules test --mutate}) is
 * the check for that.
 */
public final class MutationInputs {

    private MutationInputs() {
    }

    /**
     * Each rule's inputs as one text (file names and contents, in name order), by rule id; {@code sources} are the
     * rules' sources ({@link RuleCatalogue#ruleSources}), whose data-set lookups name the data files.
     */
    public static Map<String, String> of(RulePack pack, Map<String, String> sources, List<RuleCase> cases) {
        Path root = pack.directory();
        Map<String, String> texts = new TreeMap<>();
        Map<String, String> inputs = new TreeMap<>();
        for (RuleInfo rule : pack.rules()) {
            TreeSet<String> files = new TreeSet<>();
            files.add(rule.testsFile());
            MutationTester.casesOf(rule, cases).forEach(c -> files.add(c.file()));
            List<String> datasets = RuleCatalogue.datasets(sources.getOrDefault(rule.id(), ""));
            pack.dataSets().stream().filter(d -> datasets.contains(d.name())).map(DataSet::file).forEach(files::add);
            StringBuilder text = new StringBuilder();
            for (String file : files) {
                text.append("== ").append(file).append('\n').append(texts.computeIfAbsent(file, f -> read(root, f)));
            }
            inputs.put(rule.id(), text.toString());
        }
        return inputs;
    }

    private static String read(Path root, String file) {
        Path path = root.resolve(file);
        try {
            return Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : "(none)\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
