package org.clearance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.screening.Decision;
import org.junit.jupiter.api.Test;

/** Workflow commands escaped as GitHub's toolkit escapes them (actions/toolkit, core/src/command.ts). */
class GithubReportWriterTest {

    @Test
    void shouldEscapeWorkflowCommandDataAndProperties() {
        String command = GithubReportWriter.command("warning", new Position("orders/a,b.json", 3, 7),
                "EU-12G-01: 100% sure", "line 1\nneeds review: 50%");

        assertThat(command).isEqualTo(
                "::warning file=orders/a%2Cb.json,line=3,col=7,title=EU-12G-01%3A 100%25 sure::line 1%0Aneeds review: 50%25");
    }

    @Test
    void shouldLeaveOutLineAndColumnWhenUnknown() {
        assertThat(GithubReportWriter.command("error", new Position("<stdin>", 0, 0), "input error", "/: empty"))
                .isEqualTo("::error file=<stdin>,title=input error::/: empty");
    }

    @Test
    void shouldKeepEachCommandOnOneLineAndEveryHostileFileNameAndMessageIntact() {
        StringWriter out = new StringWriter();
        new GithubReportWriter(HostileNames.sources(), Decision.BLOCK).write(HostileNames.report(), new PrintWriter(out));

        List<String> lines = out.toString().lines().toList();
        int names = HostileNames.FILES.size();
        assertThat(lines).hasSize(2 * names + 1); // a finding and an input error per file, then the summary
        List<Command> commands = lines.subList(0, 2 * names).stream().map(Command::parse).toList();
        assertThat(commands).extracting(Command::level).containsOnly("warning", "error");
        assertThat(commands.subList(0, names)).extracting(c -> c.properties().get("file"))
                .containsExactlyElementsOf(HostileNames.FILES);
        assertThat(commands.subList(names, 2 * names)).extracting(c -> c.properties().get("file"))
                .containsExactlyElementsOf(HostileNames.FILES);
        assertThat(commands).allSatisfy(c -> assertThat(c.properties()).containsKeys("line", "col", "title"));
        assertThat(commands.get(0).properties().get("title")).isEqualTo("T-1 EU REVIEW (order " + HostileNames.ORDER_ID + ")");
        assertThat(commands.get(0).message()).startsWith("line 1 " + HostileNames.ORDER_ID + ": " + HostileNames.MESSAGE);
        assertThat(commands.get(names).message()).isEqualTo("/id: " + HostileNames.MESSAGE);
    }

    /** A workflow command read back as the runner reads it: {@code ::level k=v,k=v::message}, then unescaped. */
    private record Command(String level, Map<String, String> properties, String message) {

        static Command parse(String line) {
            assertThat(line).startsWith("::");
            int end = line.indexOf("::", 2);
            String head = line.substring(2, end);
            int space = head.indexOf(' ');
            Map<String, String> properties = new LinkedHashMap<>();
            for (String property : head.substring(space + 1).split(",")) {
                String[] pair = property.split("=", 2);
                properties.put(pair[0], unescape(pair[1]));
            }
            return new Command(head.substring(0, space), properties, unescape(line.substring(end + 2)));
        }

        /** The runner's unescaping (%0D, %0A, %3A, %2C, then %25), which undoes both the data and property escapes. */
        static String unescape(String value) {
            return value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
                    .replace("%25", "%");
        }
    }
}
