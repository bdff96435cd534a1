package org.clearance.rules.guard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.clearance.rules.FileTrees;

/**
 * The hostile rule files of src/test/resources/hostile-packs and the small packs the tests build from them:
 * {@code base/} (one harmless rule with its tests) plus one hostile file, or plus all of them at once.
 */
public final class HostilePacks {

    public static final Path ROOT = Path.of("src/test/resources/hostile-packs").toAbsolutePath();
    static final Path FILES = ROOT.resolve("files");

    private static Path live;

    /**
     * Serves a copy of the base pack ({@link #liveDir()}) with a short time budget for rule tests, so that a pack
     * whose tests never finish fails quickly. The HTTP and the CLI tests share it: one application start for both.
     */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clearance.rules.directory", liveDir().toString(),
                    "clearance.reload.check-timeout", "3s",
                    "clearance.reload.debounce", "200ms",
                    "quarkus.http.test-timeout", "300s");
        }
    }

    /** The folder the server of {@link Profile} serves: the base pack, created once per test JVM. */
    static synchronized Path liveDir() {
        if (live == null) {
            try {
                live = pack(Files.createTempDirectory("clearance-hostile-live-"), List.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return live;
    }

    private static final String LOOP = "uses a loop (for, while or do), which rules may not use: match facts with patterns instead";

    /**
     * The exact problem(s) each hostile file is refused with (file relative to the pack, line, rule). Refusals
     * of the source screen come before Drools sees the pack; those of {@link #COMPILED} come from the compiled
     * classes, so they show only when no file of the pack is refused by the source screen.
     */
    public static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            entry("accumulate-custom-code.drl", "8: rule \"HOSTILE-01 accumulate with custom code\" uses an accumulate with inline code "
                    + "(init(...)), which rules may not use: use the accumulate functions count, sum, min, max, average, collectList, collectSet"),
            entry("decision-table-call.table.csv", "9: rule \"HOSTILE-T1 a cell that calls exec\" uses java.lang.Runtime.getRuntime, which rules may not call"),
            entry("declared-type-initialiser.drl", "5: declared type Evil uses java.lang.Runtime.getRuntime, which rules may not call",
                    "10: declared type Holder uses java.lang.Runtime.getRuntime, which rules may not call"),
            entry("drools-runtime-escape.drl", "4: rule \"HOSTILE-01 reaching the engine through drools\" uses "
                    + "org.drools.core.rule.consequence.KnowledgeHelper.getKieRuntime, which rules may not call"),
            entry("eval-exec.drl", "8: rule \"HOSTILE-01 eval with exec\" uses java.lang.Runtime.getRuntime, which rules may not call"),
            entry("exec-in-consequence.drl", "9: rule \"HOSTILE-01 exec in a consequence\" uses java.lang.Runtime.getRuntime, which rules may not call"),
            entry("exec-in-constraint.drl", "7: rule \"HOSTILE-01 exec in a pattern constraint\" uses java.lang.Runtime.getRuntime, which rules may not call"),
            entry("file-write.drl", "9: rule \"HOSTILE-01 file write\" uses java.nio.file.Files.writeString, which rules may not call"),
            entry("from-forbidden.drl", "8: rule \"HOSTILE-01 from calling a forbidden method\" uses java.lang.System.getProperty, which rules may not call"),
            entry("fully-qualified-name.drl", "9: rule \"HOSTILE-01 fully-qualified name without import\" uses java.io.FileOutputStream, which rules may not use"),
            entry("function-exec.drl", "5: function pwn uses java.lang.Runtime.getRuntime, which rules may not call"),
            entry("huge-pack.drl", ": the pack has 1502 rules (1501 in this file), more than the 1000 a pack may have (clearance.rules.max-rules)"),
            entry("infinite-loop.drl", "4: rule \"HOSTILE-01 infinite loop in a consequence\" " + LOOP),
            entry("inline-cast.drl", "7: rule \"HOSTILE-01 inline cast to a forbidden type\" uses java.lang.ProcessBuilder, which rules may not use"),
            entry("metadata-evaluated.drl", "5: rule \"HOSTILE-01 metadata value that Drools evaluates\" uses java.lang.Runtime.getRuntime, which rules may not call"),
            entry("mvel-dialect.drl", "5: rule \"HOSTILE-01 MVEL dialect\" uses dialect \"mvel\"; rules are written in Java only (remove the dialect attribute)"),
            entry("network.drl", "3: import java.net.Socket is not allowed: rules may use only org.clearance.facts, java.util collections, java.time, "
                    + "java.math and String, Math and the boxed numbers of java.lang (docs/authoring.md, \"What rules may call\")",
                    "11: rule \"HOSTILE-01 network\" uses java.net.URL, which rules may not use"),
            entry("reflection-through-fact.drl", "7: rule \"HOSTILE-01 reflection through a fact's class\" uses class, which rules may not call (it leads to reflection)"),
            entry("reflection.drl", "9: rule \"HOSTILE-01 reflection\" uses java.lang.Class.forName, which rules may not call"),
            entry("scripting-and-jndi.drl", "9: rule \"HOSTILE-01 scripting engine and JNDI\" uses javax.script.ScriptEngineManager, which rules may not use",
                    "10: rule \"HOSTILE-01 scripting engine and JNDI\" uses javax.naming.InitialContext, which rules may not use"),
            entry("static-block-injection.drl", "10: rule \"HOSTILE-01 a static initialiser smuggled into the generated class\" uses the keyword 'static', which rules may not use"),
            entry("system-exit.drl", "9: rule \"HOSTILE-01 System.exit\" uses java.lang.System.exit, which rules may not call"),
            entry("system-properties.drl", "7: rule \"HOSTILE-01 System.getenv and setProperty\" uses java.lang.System.getenv, which rules may not call",
                    "9: rule \"HOSTILE-01 System.getenv and setProperty\" uses java.lang.System.setProperty, which rules may not call"),
            entry("thread.drl", "9: rule \"HOSTILE-01 thread creation\" uses java.lang.Thread, which rules may not use"),
            entry("unicode-escape.drl", "9: rule \"HOSTILE-01 unicode escapes\" uses java.lang.Runtime.getRuntime, which rules may not call"));

    /** Files that pass the source screen and are refused when their compiled classes are checked. */
    public static final Set<String> COMPILED = Set.of("drools-runtime-escape.drl", "infinite-loop.drl");

    private static Map.Entry<String, List<String>> entry(String file, String... messages) {
        return Map.entry(file, Arrays.stream(messages).map(m -> "hostile/" + file + (m.startsWith(":") ? "" : ":") + m).toList());
    }

    private HostilePacks() {
    }

    /** The files refused by the source screen (all but {@link #COMPILED}). */
    public static List<String> sourceRefused() {
        return names().stream().filter(n -> !COMPILED.contains(n)).toList();
    }

    /**
     * What a pack holding all of {@code names} must be refused with: every expected message, except that the
     * rule count of huge-pack.drl then counts the other files' rules too.
     */
    public static List<String> expected(List<String> names) {
        return names.stream().flatMap(n -> n.equals("huge-pack.drl")
                ? java.util.stream.Stream.of("(1501 in this file), more than the 1000 a pack may have (clearance.rules.max-rules)")
                : EXPECTED.get(n).stream()).toList();
    }

    /** Whether any marker file exists: proof that some hostile code ran. */
    public static List<Path> markersPresent() {
        return names().stream().map(HostilePacks::marker).filter(Files::exists).toList();
    }

    /** Every hostile file name, sorted. */
    public static List<String> names() {
        try (Stream<Path> list = Files.list(FILES)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The marker file the hostile file's command would create if it ever ran. */
    public static Path marker(String name) {
        return Path.of("/tmp/clearance-hostile-" + name.replaceFirst("(\\.table\\.csv|\\.drl)$", ""));
    }

    /** A new pack in {@code parent}: base plus {@code hostile/<name>} for each name. */
    public static Path pack(Path parent, List<String> names) {
        try {
            Path pack = Files.createDirectories(parent.resolve("rules"));
            FileTrees.copy(ROOT.resolve("base"), pack);
            Files.createDirectories(pack.resolve("hostile"));
            for (String name : names) {
                Files.copy(FILES.resolve(name), pack.resolve("hostile").resolve(name));
            }
            return pack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base plus the budget pack, whose rule tests never finish on their own. */
    public static Path budgetPack(Path parent) {
        try {
            Path pack = pack(parent, List.of());
            FileTrees.copy(ROOT.resolve("budget"), pack);
            return pack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of a pack folder's contents, as POST /api/v1/rules/validate takes it. */
    public static byte[] zip(Path pack) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(pack)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(pack.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Deletes every marker so that a test sees only what its own run did. */
    public static void clearMarkers() {
        names().forEach(name -> {
            try {
                Files.deleteIfExists(marker(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
