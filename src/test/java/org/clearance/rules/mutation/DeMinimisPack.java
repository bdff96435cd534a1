package org.clearance.rules.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clearance.rules.FileTrees;

/**
 * A small pack for mutation tests: the shipped de minimis rule with its bases and data, and its cases with the
 * expectations of the pack's other rules (the fail-closed unlisted-goods rules) taken out, since those rules are not in it.
 * The classification it reads ({@code ALL-RB-00}, Russia/Belarus links) comes along without its cases, which expect the
 * whole pack: assertions about mutants name the de minimis rule.
 */
public final class DeMinimisPack {

    private static final Path SHIPPED = Path.of("rules");
    public static final String RULE_FILE = "us/de-minimis.drl";
    static final String RULE_ID = "US-DEMIN-01";
    /** The classification rule that derives the RussiaBelarusLink facts the de minimis rule reads. */
    public static final String CLASSIFICATION_FILE = "common/russia-belarus-links.drl";

    private DeMinimisPack() {
    }

    /** Writes the pack into {@code pack} with {@code tests} as the de minimis cases. */
    public static void write(Path pack, String tests) throws IOException {
        FileTrees.copy(SHIPPED.resolve("bases"), pack.resolve("bases"));
        FileTrees.copy(SHIPPED.resolve("data"), pack.resolve("data"));
        Files.createDirectories(pack.resolve("us"));
        Files.copy(SHIPPED.resolve(RULE_FILE), pack.resolve(RULE_FILE));
        Files.createDirectories(pack.resolve("common"));
        Files.copy(SHIPPED.resolve(CLASSIFICATION_FILE), pack.resolve(CLASSIFICATION_FILE));
        Files.writeString(pack.resolve("us/de-minimis.tests.yaml"), tests);
    }

    /** The shipped cases without the near miss whose name starts with {@code nameFragment}, for this rule alone. */
    public static String casesWithout(String nameFragment) throws IOException {
        String tests = Files.readString(SHIPPED.resolve("us/de-minimis.tests.yaml"));
        int at = tests.indexOf("  - name: Near miss - " + nameFragment);
        assertThat(at).as("shipped case " + nameFragment).isPositive();
        int next = tests.indexOf("\n  - name:", at + 1);
        String kept = tests.substring(0, at) + (next < 0 ? "" : tests.substring(next + 1));
        // Without the unlisted-goods rules a case they alone made REVIEW is CLEAR.
        return kept.replace("{ decision: REVIEW, rules: [EU-UNLISTED-01, US-UNLISTED-01] }", "{ decision: CLEAR, rules: [] }")
                .replace("[EU-UNLISTED-01, US-DEMIN-01]", "[US-DEMIN-01]")
                .replace("{ decision: REVIEW, rules: [US-UNLISTED-01] }", "{ decision: CLEAR, rules: [] }");
    }

    /** The line of the shipped rule file that holds {@code text}, as survivors name it. */
    public static int lineOf(String text) throws IOException {
        List<String> lines = Files.readAllLines(SHIPPED.resolve(RULE_FILE));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + RULE_FILE);
    }

    /** How a surviving removal of the {@code foreignMade} condition is named. */
    public static String foreignMadeSurvivor() throws IOException {
        return RULE_FILE + ":" + lineOf("Line( foreignMade") + ": rule US-DEMIN-01: removing \"foreignMade\"";
    }
}
