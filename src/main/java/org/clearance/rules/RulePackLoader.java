package org.clearance.rules;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clearance.rules.guard.PackLimits;
import org.clearance.rules.layers.Layers;
import org.clearance.rules.layers.PackStack;
import org.clearance.rules.guard.RulePackGuard;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles every {@code .drl} and every decision table ({@code *.table.csv}, {@code *.table.xlsx}, see
 * {@link DecisionTables}) under a rules directory at run time, reads every CSV under its {@code data/}
 * folder and checks each rule's metadata. All or nothing: any problem throws
 * {@link RulePackInvalidException} listing every problem by file and line (the table row for a table).
 */
public final class RulePackLoader {

    static final String DATA_DIR = "data";
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");
    /** "Line 31:0 " in a parser message: a position in generated DRL, meaningless to a table's author. */
    private static final Pattern DRL_POSITION = Pattern.compile("Line \\d+:\\d+ ");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)");

    private RulePackLoader() {
    }

    public static RulePack load(Path directory) {
        return load(directory, true);
    }

    /**
     * As {@link #load}, with a KieBase compiled for the caller alone, which it may change (mutation testing swaps
     * rules in it); {@link #load} may hand out one already compiled for the same text.
     */
    public static RulePack loadUnshared(Path directory) {
        return load(directory, false);
    }

    private static RulePack load(Path directory, boolean shared) {
        if (!Files.isDirectory(directory)) {
            throw new RulePackInvalidException(List.of(new RulePackProblem(directory.toString(), 0,
                    "rules directory does not exist")));
        }
        Path root = PackStack.resolve(directory).toAbsolutePath().normalize(); // an overlay's layers, composed
        try {
            List<RulePackProblem> problems = new ArrayList<>();
            List<Path> ruleFiles = ruleFiles(root, problems);
            List<Path> dataFiles = files(root.resolve(DATA_DIR), ".csv");
            List<Path> hashedBesideRules = new ArrayList<>(dataFiles);
            layersFile(root).ifPresent(hashedBesideRules::add); // hashed and stored with the pack, never read as data
            if (ruleFiles.isEmpty()) {
                problems.add(new RulePackProblem(directory.toString(), 0,
                        "no rule files (.drl, .table.csv, .table.xlsx) found"));
            }
            List<DataSet> dataSets = readData(root, dataFiles, problems);
            Map<String, DecisionTables.TableDrl> tables = convertTables(root, ruleFiles, problems);
            List<RulePackProblem> refusals = new ArrayList<>();
            KieBase kieBase = compile(root, ruleFiles, tables, problems, refusals, shared);
            List<RuleInfo> rules = kieBase == null ? List.of()
                    : RuleMetadata.read(kieBase, locate(root, ruleFiles, tables), problems);
            if (!refusals.isEmpty()) {
                problems.addAll(refusals);
                throw new RulePackRefusedException(problems);
            }
            if (!problems.isEmpty()) {
                throw new RulePackInvalidException(problems);
            }
            return new RulePack(root, hash(root, ruleFiles, hashedBesideRules), Instant.now(), kieBase, rules, dataSets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + root, e);
        }
    }

    /**
     * Every file the pack hash covers (rule files, decision tables, data CSVs and, for a pack composed of layers, their
     * {@link Layers#FILE}), sorted: what replaying a pack needs.
     */
    public static List<Path> packFiles(Path directory) {
        Path root = PackStack.resolve(directory).toAbsolutePath().normalize();
        try {
            List<Path> all = new ArrayList<>(ruleFiles(root, new ArrayList<>()));
            all.addAll(files(root.resolve(DATA_DIR), ".csv"));
            layersFile(root).ifPresent(all::add);
            all.sort(null);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + root, e);
        }
    }

    private static java.util.Optional<Path> layersFile(Path root) {
        Path file = root.resolve(Layers.FILE);
        return Files.isRegularFile(file) ? java.util.Optional.of(file) : java.util.Optional.empty();
    }

    /** The DRL files and decision tables, sorted; files that could be either or neither are problems. */
    private static List<Path> ruleFiles(Path root, List<RulePackProblem> problems) throws IOException {
        List<Path> ruleFiles = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !DecisionTables.isScratch(f)).sorted().toList()) {
                String relative = relative(root, file);
                String ambiguity = DecisionTables.ambiguity(relative);
                if (ambiguity != null) {
                    problems.add(new RulePackProblem(relative, 0, ambiguity));
                } else if (!relative.startsWith(DATA_DIR + "/") && (relative.toLowerCase(Locale.ROOT).endsWith(".drl")
                        || DecisionTables.isTable(relative))) {
                    ruleFiles.add(file);
                }
            }
        }
        return ruleFiles;
    }

    private static Map<String, DecisionTables.TableDrl> convertTables(Path root, List<Path> ruleFiles,
                                                                       List<RulePackProblem> problems) {
        Map<String, DecisionTables.TableDrl> tables = new HashMap<>();
        for (Path file : ruleFiles) {
            String relative = relative(root, file);
            if (DecisionTables.isTable(relative)) {
                DecisionTables.TableDrl table = DecisionTables.toDrl(file, relative, problems);
                if (table != null) {
                    tables.put(relative, table);
                }
            }
        }
        return tables;
    }

    /** The files under {@code dir} (none when it does not exist) whose names end with {@code extension}, sorted. */
    static List<Path> files(Path dir, String extension) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension))
                    .sorted()
                    .toList();
        }
    }

    private static List<DataSet> readData(Path root, List<Path> dataFiles, List<RulePackProblem> problems) throws IOException {
        Path dataRoot = root.resolve(DATA_DIR);
        List<DataSet> dataSets = new ArrayList<>();
        for (Path file : dataFiles) {
            String relative = relative(root, file);
            String name = relative(dataRoot, file).replaceFirst("(?i)\\.csv$", "");
            DataSet dataSet = ReferenceDataReader.read(file, relative, name, problems, true);
            if (dataSet != null) {
                dataSets.add(dataSet);
            }
        }
        return dataSets;
    }

    private static KieBase compile(Path root, List<Path> ruleFiles, Map<String, DecisionTables.TableDrl> tables,
                                   List<RulePackProblem> problems, List<RulePackProblem> refusals, boolean shared) {
        if (tables.size() < ruleFiles.stream().filter(f -> DecisionTables.isTable(f.toString())).count()) {
            return null; // an unreadable table is already a problem; compiling the rest would only add noise
        }
        // Rule packs are code: screen what each file may call before Drools parses it (it evaluates metadata
        // and interprets conditions with MVEL), and the compiled classes before any session exists.
        Map<String, RulePackGuard.Source> sources = new LinkedHashMap<>();
        for (Path file : ruleFiles) {
            String relative = relative(root, file);
            DecisionTables.TableDrl table = tables.get(relative);
            IntUnaryOperator lineOf = table == null ? IntUnaryOperator.identity() : table::row;
            String drl = table == null ? readUtf8(file, relative, problems) : table.drl();
            if (drl != null) {
                sources.put(relative, new RulePackGuard.Source(relative, drl, lineOf));
            }
        }
        if (sources.size() < ruleFiles.size()) {
            return null; // an unreadable file is already a problem
        }
        List<RulePackProblem> refused = RulePackGuard.screenSources(sources.values(), PackLimits.configured());
        if (!refused.isEmpty()) {
            refusals.addAll(refused);
            return null; // never hand a refused pack to Drools: building it would already evaluate some of its code
        }
        String key = CompiledPacks.key(sources.values());
        KieBase compiled = shared ? CompiledPacks.get(key) : null;
        if (compiled != null) {
            return compiled;
        }
        Map<String, RulePackGuard.Location> locations = new HashMap<>();
        try {
            locate(root, ruleFiles, tables).forEach((rule, at) -> locations.put(rule, new RulePackGuard.Location(at.file(), at.line())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collection<KiePackage> packages = CompiledPackFiles.read(key)
                // Screened again: a file of compiled code is only trusted as far as the allow-list passes it.
                .filter(kept -> RulePackGuard.screenCompiled(kept, locations).isEmpty())
                .orElse(null);
        KieBase kieBase = packages == null ? null : ruleBaseOf(packages);
        if (kieBase == null) {
            kieBase = compileSources(key, sources.values(), tables, locations, problems, refusals);
            if (kieBase == null) {
                return null;
            }
        }
        if (shared) {
            CompiledPacks.put(key, kieBase);
        }
        return kieBase;
    }

    /** A rule base of packages read back from disk; none when they do not wire up, and the text is compiled instead. */
    private static KieBase ruleBaseOf(Collection<KiePackage> packages) {
        try {
            InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
            base.addPackages(packages);
            return base;
        } catch (RuntimeException | LinkageError e) {
            Log.warnf("Compiled rule pack read from disk does not load (%s); compiling the pack instead",
                    e.toString());
            return null;
        }
    }

    private static KieBase compileSources(String key, Collection<RulePackGuard.Source> sources,
                                          Map<String, DecisionTables.TableDrl> tables,
                                          Map<String, RulePackGuard.Location> locations,
                                          List<RulePackProblem> problems, List<RulePackProblem> refusals) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (RulePackGuard.Source source : sources) {
            // Compile exactly the text that was screened, not the file again (it may have changed since).
            Resource resource = ResourceFactory.newByteArrayResource(source.drl().getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(source.file());
            builder.add(resource, ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            List<RulePackProblem> drools = new ArrayList<>();
            for (KnowledgeBuilderError error : builder.getErrors()) {
                String file = error.getResource() == null ? "(unknown file)" : error.getResource().getSourcePath();
                int[] lines = error.getLines();
                drools.add(new RulePackProblem(file, lines.length > 0 ? lines[0] : 0,
                        error.getMessage().strip().replaceAll("\\s+", " ")));
            }
            for (RulePackProblem problem : CompileErrorTranslator.translate(drools)) {
                DecisionTables.TableDrl table = tables.get(problem.file());
                problems.add(table == null ? problem : inTable(table, problem));
            }
            return null;
        }
        List<RulePackProblem> compiledRefusals = RulePackGuard.screenCompiled(builder.getKnowledgePackages(), locations);
        if (!compiledRefusals.isEmpty()) {
            refusals.addAll(compiledRefusals);
            return null;
        }
        CompiledPackFiles.write(key, builder.getKnowledgePackages());
        return builder.newKieBase();
    }

    /** Drools counts lines of the DRL generated from a table; name the table row instead. */
    private static RulePackProblem inTable(DecisionTables.TableDrl table, RulePackProblem problem) {
        int row = table.row(problem.line());
        String message = (row > 0 ? "in the rule generated from this row: " : "in the generated rules: ")
                + DRL_POSITION.matcher(problem.message()).replaceAll("");
        return new RulePackProblem(problem.file(), row, message);
    }

    /**
     * Compiles one more rule file into a pack's KieBase in place (mutation testing swaps single rules this way);
     * false when the text is refused by the allow-list or does not compile. The text is screened as a pack's files
     * are: a mutated rule is rule-pack code like any other.
     */
    public static boolean compileInto(KieBase kieBase, String sourcePath, String drl) {
        List<RulePackProblem> refused = RulePackGuard.screenSources(
                List.of(new RulePackGuard.Source(sourcePath, drl, IntUnaryOperator.identity())), PackLimits.configured());
        if (!refused.isEmpty()) {
            return false;
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(kieBase);
        Resource resource = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(sourcePath);
        builder.add(resource, ResourceType.DRL);
        return !builder.hasErrors();
    }

    private static String readUtf8(Path file, String relative, List<RulePackProblem> problems) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add(new RulePackProblem(relative, 0, "is not UTF-8 text: save it as UTF-8"));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }

    /** Where each rule is declared ("package.name" → file and line), for metadata error messages. */
    private static Map<String, RuleLocation> locate(Path root, List<Path> ruleFiles,
                                                    Map<String, DecisionTables.TableDrl> tables) throws IOException {
        Map<String, RuleLocation> locations = new HashMap<>();
        for (Path file : ruleFiles) {
            DecisionTables.TableDrl table = tables.get(relative(root, file));
            List<String> lines = table == null ? Files.readAllLines(file, StandardCharsets.UTF_8)
                    : table.drl().lines().toList();
            String pkg = "defaultpkg";
            for (int i = 0; i < lines.size(); i++) {
                Matcher p = PACKAGE.matcher(lines.get(i));
                if (p.find()) {
                    pkg = p.group(1);
                }
                Matcher r = RULE_HEADER.matcher(lines.get(i));
                if (r.find()) {
                    String name = r.group(1) != null ? r.group(1) : r.group(2) != null ? r.group(2) : r.group(3);
                    int line = table == null ? i + 1 : table.row(i + 1);
                    locations.put(pkg + "." + name, new RuleLocation(relative(root, file), line));
                }
            }
        }
        return locations;
    }

    record RuleLocation(String file, int line) {
    }

    private static String hash(Path root, List<Path> ruleFiles, List<Path> dataFiles) throws IOException {
        List<Path> all = new ArrayList<>(ruleFiles);
        all.addAll(dataFiles);
        all.sort(null);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path file : all) {
            files.put(relative(root, file), Files.readAllBytes(file));
        }
        return hash(files);
    }

    /**
     * The pack hash of {@code files} (relative path, '/'-separated, to content) in the order of {@link #packFiles}:
     * what a pack loaded from those files would have.
     */
    public static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((path, bytes) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
