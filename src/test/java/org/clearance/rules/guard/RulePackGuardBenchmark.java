package org.clearance.rules.guard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.clearance.rules.RulePackProblem;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the allow-list check adds to loading the shipped pack: the source screen of every DRL file and the
 * bytecode screen of the classes Drools compiled from them (compiled once, in setup). Run with
 * {@code java -cp ... org.openjdk.jmh.Main RulePackGuardBenchmark} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RulePackGuardBenchmark {

    private final List<RulePackGuard.Source> sources = new ArrayList<>();
    private Collection<KiePackage> packages;

    @Setup
    public void compileTheShippedPack() throws IOException {
        Path rules = Path.of("rules");
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                String relative = rules.relativize(file).toString();
                String drl = Files.readString(file, StandardCharsets.UTF_8);
                sources.add(new RulePackGuard.Source(relative, drl, IntUnaryOperator.identity()));
                Resource resource = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8));
                resource.setSourcePath(relative);
                builder.add(resource, ResourceType.DRL);
            }
        }
        packages = builder.getKnowledgePackages();
        if (!RulePackGuard.screenSources(sources, PackLimits.DEFAULT).isEmpty()
                || !RulePackGuard.screenCompiled(packages, Map.of()).isEmpty()) {
            throw new IllegalStateException("the shipped pack should pass the allow-list");
        }
    }

    @Benchmark
    public List<RulePackProblem> sourceScreen() {
        return RulePackGuard.screenSources(sources, PackLimits.DEFAULT);
    }

    @Benchmark
    public List<RulePackProblem> bytecodeScreen() {
        return RulePackGuard.screenCompiled(packages, Map.of());
    }
}
