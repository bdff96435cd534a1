package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fact fields table of docs/authoring.md is generated from {@code org.clearance.facts}: this test fails when
 * it is stale, printing the table it expects. {@code -Ddocs.update=true} rewrites it instead.
 */
class FactFieldsDocTest {

    private static final Path DOC = Path.of("docs/authoring.md");
    private static final Path FACTS_SOURCE = Path.of("src/main/java/org/clearance/facts");
    static final String BEGIN = "<!-- fact fields: generated from org.clearance.facts by FactFieldsDocTest"
            + " (mvn -B -q test -Dtest=FactFieldsDocTest -Ddocs.update=true); do not edit by hand -->";
    static final String END = "<!-- end of fact fields -->";

    @Test
    void shouldListEveryRecordAndInterfaceOfTheFactsPackageAsAFactType() throws IOException {
        List<String> declared = factsSources().filter(t -> t.isRecord() || t.isInterface())
                .map(Class::getSimpleName).sorted().toList();

        assertThat(FactTypes.names()).as("FactTypes.ALL").containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void shouldDocumentTheFieldsOfEveryFactTypeExactlyAsTheCodeHasThem() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/authoring.md needs the markers " + BEGIN + " … " + END).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String documented = doc.substring(begin + BEGIN.length(), end);
        String expected = "\n" + tables() + "\n";

        if (!documented.equals(expected) && Boolean.getBoolean("docs.update")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + expected + doc.substring(end));
            documented = expected;
        }
        assertThat(documented).as("the fact fields in docs/authoring.md are stale; regenerate them with "
                + "mvn -B -q test -Dtest=FactFieldsDocTest -Ddocs.update=true, or paste:%n%s", expected)
                .isEqualTo(expected);
    }

    /** The fact types with their fields and methods, then the values of the enums rules compare with. */
    static String tables() throws IOException {
        StringBuilder out = new StringBuilder("| Fact | Fields (read in a condition: `Line( hs6 == … )`; in the then part: `$l.hs6()`) | Methods |\n|---|---|---|\n");
        for (Class<?> type : FactTypes.ALL) {
            out.append("| `").append(type.getSimpleName()).append("` | ")
                    .append(code(FactTypes.fields(type))).append(" | ")
                    .append(code(FactTypes.methods(type))).append(" |\n");
        }
        out.append("\n| Value | Values (write `PaymentMethod.CASH`) |\n|---|---|\n");
        List<Class<?>> enums = Stream.concat(factsSources(), FactTypes.ALL.stream().flatMap(t -> Arrays.stream(t.getDeclaredClasses())))
                .filter(Class::isEnum).distinct().sorted((a, b) -> name(a).compareTo(name(b))).toList();
        for (Class<?> type : enums) {
            out.append("| `").append(name(type)).append("` | ").append(code(Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).toList())).append(" |\n");
        }
        return out.toString();
    }

    private static String name(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    }

    private static String code(List<String> names) {
        return names.isEmpty() ? "–" : names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }

    /** The public top-level types of src/main/java/org/clearance/facts. */
    private static Stream<Class<?>> factsSources() throws IOException {
        try (Stream<Path> files = Files.list(FACTS_SOURCE)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java")).sorted()
                    .<Class<?>>map(n -> load("org.clearance.facts." + n.substring(0, n.length() - ".java".length())))
                    .toList().stream();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
