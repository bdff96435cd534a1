package org.clearance.rules.mutation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.cases.RuleCase;
import org.clearance.rules.cases.RuleCaseFiles;

/**
 * Mutation testing of a rule pack ({@code clearance rules test --mutate}): generates the mutants of every decision
 * and classification rule, runs each against the rule's own test cases (its {@code *.tests.yaml} and every case
 * that expects the rule), and reports the mutants no case kills. Work is spread over threads by rule; each thread
 * compiles the pack once and swaps mutated rules in and out of its own KieBase.
 */
public final class MutationTester {

    private MutationTester() {
    }

    /** Runs every mutant of the pack in {@code directory} on {@code threads} threads (at least one). */
    public static MutationReport run(Path directory, int threads) {
        return run(directory, threads, results -> { });
    }

    /** As {@link #run(Path, int)}, telling {@code progress} each rule's results as soon as they are known. */
    public static MutationReport run(Path directory, int threads, java.util.function.Consumer<List<MutantResult>> progress) {
        return run(directory, threads, null, progress);
    }

    /**
     * As {@link #run(Path, int, java.util.function.Consumer)}, but only the mutants of the rules in {@code onlyFile}
     * (a rule file relative to the pack, as {@link #ruleFiles} lists it), or of every rule when it is null. Only the
     * {@code equivalent_mutants} records of those rules are checked.
     */
    public static MutationReport run(Path directory, int threads, String onlyFile,
                                     java.util.function.Consumer<List<MutantResult>> progress) {
        return run(directory, threads, rule -> onlyFile == null || onlyFile.equals(rule.file()), onlyFile != null, progress);
    }

    /**
     * As {@link #run(Path, int, java.util.function.Consumer)}, but only the mutants of the rules with the ids in
     * {@code onlyRules}, and only their {@code equivalent_mutants} records are checked.
     */
    public static MutationReport run(Path directory, int threads, Set<String> onlyRules) {
        return run(directory, threads, rule -> onlyRules.contains(rule.id()), true, results -> { });
    }

    private static MutationReport run(Path directory, int threads, java.util.function.Predicate<RuleInfo> selected,
                                      boolean partial, java.util.function.Consumer<List<MutantResult>> progress) {
        long started = System.nanoTime();
        Path root = directory.toAbsolutePath().normalize();
        RulePack first = RulePackLoader.loadUnshared(root);
        List<String> problems = new ArrayList<>();
        List<RuleCase> cases = RuleCaseFiles.readAll(root, problems);
        Map<String, RuleInfo> rules = first.rules().stream()
                .collect(Collectors.toMap(RuleInfo::qualifiedName, Function.identity()));
        List<MutantGenerator.RuleMutants> groups = new ArrayList<>();
        for (String file : ruleFiles(first)) {
            if (first.rules().stream().noneMatch(rule -> rule.file().equals(file) && selected.test(rule))) {
                continue;
            }
            MutantGenerator.generate(root, file, rules, problems).stream()
                    .filter(group -> selected.test(group.rule())).forEach(groups::add);
        }
        Map<MutantGenerator.RuleMutants, List<MutantResult>> results = runAll(root, first, groups, cases,
                Math.max(1, threads), progress);
        List<MutantResult> ordered = new ArrayList<>();
        groups.forEach(g -> ordered.addAll(results.get(g)));
        EquivalentMutants equivalents = EquivalentMutants.read(root);
        if (partial) {
            Set<String> ids = groups.stream().map(g -> g.rule().id()).collect(Collectors.toSet());
            equivalents = new EquivalentMutants(equivalents.entries().stream().filter(e -> ids.contains(e.rule())).toList(),
                    equivalents.problems());
        }
        List<MutantResult> judged = applyEquivalents(ordered, equivalents, problems);
        return new MutationReport(judged, problems, Duration.ofNanos(System.nanoTime() - started), Math.max(1, threads));
    }

    /** The rule files of {@code pack} (relative to it, {@code /}-separated), in the order a run takes them. */
    public static List<String> ruleFiles(RulePack pack) {
        return pack.rules().stream().map(RuleInfo::file).distinct().sorted().toList();
    }

    /** The cases that can kill a mutant of {@code rule}: those of its own tests file and those that expect it. */
    static List<RuleCase> casesOf(RuleInfo rule, List<RuleCase> cases) {
        return cases.stream().filter(c -> c.file().equals(rule.testsFile()) || c.expectedRules().contains(rule.id())).toList();
    }

    private static Map<MutantGenerator.RuleMutants, List<MutantResult>> runAll(Path root, RulePack first,
            List<MutantGenerator.RuleMutants> groups, List<RuleCase> cases, int threads,
            java.util.function.Consumer<List<MutantResult>> progress) {
        List<MutantGenerator.RuleMutants> bySize = new ArrayList<>(groups);
        bySize.sort(Comparator.comparingInt((MutantGenerator.RuleMutants g) -> g.mutants().size()).reversed());
        ConcurrentLinkedQueue<MutantGenerator.RuleMutants> queue = new ConcurrentLinkedQueue<>(bySize);
        Map<MutantGenerator.RuleMutants, List<MutantResult>> results = Collections.synchronizedMap(new IdentityHashMap<>());
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean reuse = t == 0;
                running.add(executor.submit(() -> {
                    MutationWorker worker = new MutationWorker(root, reuse ? first : RulePackLoader.loadUnshared(root));
                    for (MutantGenerator.RuleMutants group; (group = queue.poll()) != null; ) {
                        List<MutantResult> done = worker.run(group, casesOf(group.rule(), cases));
                        results.put(group, done);
                        progress.accept(done);
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("mutation run interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
        return results;
    }

    /**
     * Marks survivors recorded in an {@code equivalent_mutants:} list as equivalent; a record that names a killed
     * mutant or one the run does not generate is a problem, so stale records cannot hide a weakened test.
     */
    static List<MutantResult> applyEquivalents(List<MutantResult> results, EquivalentMutants recorded,
                                               List<String> problems) {
        problems.addAll(recorded.problems());
        Map<String, EquivalentMutants.Entry> byKey = new HashMap<>();
        for (EquivalentMutants.Entry entry : recorded.entries()) {
            if (byKey.putIfAbsent(entry.key(), entry) != null) {
                problems.add(entry.where() + ": records \"" + entry.mutant() + "\" of " + entry.rule() + " twice");
            }
        }
        Set<String> used = new HashSet<>();
        List<MutantResult> judged = new ArrayList<>();
        for (MutantResult result : results) {
            Mutant mutant = result.mutant();
            EquivalentMutants.Entry entry = byKey.getOrDefault(
                    EquivalentMutants.Entry.key(mutant.rule().id(), mutant.description(), mutant.line()),
                    byKey.get(mutant.key()));
            if (entry == null) {
                judged.add(result);
                continue;
            }
            used.add(entry.key());
            if (result.status() == MutantResult.Status.SURVIVED) {
                judged.add(new MutantResult(result.mutant(), MutantResult.Status.EQUIVALENT, entry.reason()));
            } else {
                judged.add(result);
                if (result.status().detected()) {
                    problems.add(entry.where() + ": \"" + entry.mutant() + "\" of " + entry.rule()
                            + " is recorded as equivalent but is "
                            + (result.status() == MutantResult.Status.TIMED_OUT ? "stopped: " : "killed by ")
                            + result.detail() + ": remove the record");
                }
            }
        }
        for (EquivalentMutants.Entry entry : recorded.entries()) {
            if (!used.contains(entry.key())) {
                problems.add(entry.where() + ": rule " + entry.rule() + " has no mutant \"" + entry.mutant() + "\""
                        + (entry.line() == null ? "" : " on line " + entry.line())
                        + " (the rule changed?): remove or update the record");
            }
        }
        return judged;
    }
}
