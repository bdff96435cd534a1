package org.clearance.rules.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every pack is compiled by RulePackLoader, which runs the allow-list check: no other main class may build
 * a rule base, so that a new way to load a pack cannot skip the check. Compiled packages read back from disk
 * (CompiledPackFiles) reach a rule base only through RulePackLoader, which screens them again.
 */
class OnePackLoaderTest {

    private static final Pattern BUILDS_RULES = Pattern.compile(
            "KnowledgeBuilderFactory|KieHelper|KieServices|newKieBase|newKieContainer|KieFileSystem|ResourceType\\.DRL"
                    + "|KnowledgeBaseFactory|addPackages");
    private static final Pattern READS_PACKAGES = Pattern.compile("DroolsObjectInputStream|CompiledPackFiles\\.read");

    @Test
    void shouldCompileRulePacksOnlyInTheLoaderThatChecksThem() throws IOException {
        assertThat(sourcesMatching(BUILDS_RULES)).containsExactly("RulePackLoader.java");
        assertThat(sourcesMatching(READS_PACKAGES)).containsExactlyInAnyOrder("CompiledPackFiles.java", "RulePackLoader.java");
    }

    private static List<String> sourcesMatching(Pattern pattern) throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            return walk.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return pattern.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString()).toList();
        }
    }
}
