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
 * a rule base, so that a new way to load a pack cannot skip the check.
 */
class OnePackLoaderTest {

    private static final Pattern BUILDS_RULES = Pattern.compile(
            "KnowledgeBuilderFactory|KieHelper|KieServices|newKieBase|newKieContainer|KieFileSystem|ResourceType\\.DRL");

    @Test
    void shouldCompileRulePacksOnlyInTheLoaderThatChecksThem() throws IOException {
        List<String> builders;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            builders = walk.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return BUILDS_RULES.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString()).toList();
        }

        assertThat(builders).containsExactly("RulePackLoader.java");
    }
}
