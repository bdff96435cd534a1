package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.clearance.rules.guard.RulePackGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiled packages on disk: the next load of the same text reads them, and a file is only used when it is whole,
 * of this build, and its compiled classes pass the allow-list. Loads are unshared, so that the in-memory cache of
 * {@link CompiledPacks} cannot answer instead of the files.
 */
@Isolated // no test runs beside it: it sets a system property that loading any pack reads
class CompiledPackFilesTest {

    private static final String FILE = "t/rules.drl";
    private static final String RULE = """
            package t;

            import org.clearance.facts.Finding;
            import org.clearance.facts.Order;

            rule "%1$s the buyer is in %2$s"
                @id("%1$s") @jurisdiction("US") @severity("BLOCK")
                @citation("15 CFR 746.6")
                @effective("2023-05-23")
            when
                $order : Order( buyer.country == "%2$s" )
            then
                %3$s
            end
            """;
    private static final String FINDING = "insert(Finding.of(drools.getRule(), $order, \"The buyer is listed.\"));";

    @TempDir
    Path dir;

    private Path cache;

    @BeforeEach
    void configureTheFolder() {
        cache = dir.resolve("compiled-packs");
        System.setProperty("clearance.rules.compiled-cache", cache.toString());
    }

    @AfterEach
    void forgetTheFolder() {
        System.clearProperty("clearance.rules.compiled-cache");
    }

    @Test
    void shouldKeepTheCompiledPackagesInAPrivateFolderAndLoadTheSameRulesFromThem() throws IOException {
        Path pack = pack("pack", rule("T-1", "UA", FINDING));

        RulePack compiled = RulePackLoader.loadUnshared(pack);
        List<Path> files = packagesFiles();
        RulePack read = RulePackLoader.loadUnshared(pack);

        assertThat(files).hasSize(1);
        assertThat(Files.getPosixFilePermissions(cache)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(read.kieBase()).isNotSameAs(compiled.kieBase());
        assertThat(read.rules()).isEqualTo(compiled.rules());
        assertThat(read.hash()).isEqualTo(compiled.hash());
    }

    @Test
    void shouldUseAFileThatPassesEveryCheckAsItIs() throws IOException {
        // Stored under the key of one text, the packages of another: proof that loading reads the file.
        String text = rule("T-2", "BY", FINDING);
        CompiledPackFiles.write(key(text), packagesOf(rule("T-OTHER", "BY", FINDING)));

        KieBase loaded = RulePackLoader.loadUnshared(pack("read", text)).kieBase();

        assertThat(loaded.getRule("t", "T-OTHER the buyer is in BY")).isNotNull();
    }

    @Test
    void shouldCompileTheTextWhenTheFileHoldsCodeTheAllowListRefuses() throws IOException {
        String text = rule("T-3", "KZ", FINDING);
        CompiledPackFiles.write(key(text), packagesOf(rule("T-EXIT", "KZ", "System.exit(3);")));

        RulePack loaded = RulePackLoader.loadUnshared(pack("refused", text));

        assertThat(loaded.kieBase().getRule("t", "T-EXIT the buyer is in KZ")).isNull();
        assertThat(loaded.kieBase().getRule("t", "T-3 the buyer is in KZ")).isNotNull();
    }

    @Test
    void shouldCompileTheTextWhenTheFileIsDamagedAndReplaceIt() throws IOException {
        String text = rule("T-4", "AM", FINDING);
        Path pack = pack("damaged", text);
        RulePackLoader.loadUnshared(pack);
        Path file = packagesFiles().get(0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);

        RulePack loaded = RulePackLoader.loadUnshared(pack);

        assertThat(loaded.kieBase().getRule("t", "T-4 the buyer is in AM")).isNotNull();
        assertThat(packagesFiles()).hasSize(1);
        assertThat(Files.readAllBytes(file)).as("compiled again and kept").isNotEqualTo(bytes);
    }

    @Test
    void shouldCompileWithoutAFolderThatCanBeWritten() throws IOException {
        Files.writeString(cache, "a file where the folder should be", StandardCharsets.UTF_8);

        RulePack loaded = RulePackLoader.loadUnshared(pack("unwritable", rule("T-5", "GE", FINDING)));

        assertThat(loaded.kieBase().getRule("t", "T-5 the buyer is in GE")).isNotNull();
    }

    @Test
    void shouldKeepNothingWhenTheFolderIsSetEmpty() throws IOException {
        System.setProperty("clearance.rules.compiled-cache", "");

        RulePackLoader.loadUnshared(pack("uncached", rule("T-6", "AZ", FINDING)));

        assertThat(cache).doesNotExist();
    }

    private static String rule(String id, String country, String consequence) {
        return RULE.formatted(id, country, consequence);
    }

    private static String key(String text) {
        return CompiledPacks.key(List.of(new RulePackGuard.Source(FILE, text, IntUnaryOperator.identity())));
    }

    /** Compiled by Drools directly, past the allow-list's screening of the text, as a forged file would be. */
    private static Collection<KiePackage> packagesOf(String text) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        assertThat(builder.getErrors()).isEmpty();
        return builder.getKnowledgePackages();
    }

    private Path pack(String name, String text) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("t"));
        Files.writeString(root.resolve(FILE), text);
        return root;
    }

    private List<Path> packagesFiles() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".packages")).toList();
        }
    }
}
