package org.clearance.cli;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.clearance.replay.ReplayReport;
import org.clearance.replay.ReplayService;
import org.clearance.replay.ReplayUnavailableException;
import org.clearance.screening.FindingView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clearance screenings replay ID [--current]}: screens a stored order again and compares. */
@Command(name = "screenings", description = "Work with stored screenings.", subcommands = ScreeningsCommand.Replay.class)
public class ScreeningsCommand {

    /** Replays one screening. */
    @Command(name = "replay", description = "Screen a stored order again with the rule pack, list versions, country "
            + "risks, buyer history and cited licences it was screened with, and show whether the outcome is identical "
            + "(--current: with today's). Stores nothing.",
            footer = {"", "Exit codes: 0 identical, 1 different, 2 unknown screening or not replayable."})
    static class Replay implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The screening id (as the API and JSON reports show it).")
        String id;

        @Option(names = "--current", description = "Use today's rule pack, lists, country risks, buyer history and "
                + "licence register: what would change today.")
        boolean current;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Inject
        ReplayService replays;

        @Override
        @jakarta.enterprise.context.control.ActivateRequestContext
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            UUID screening;
            try {
                screening = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                err.println("screenings replay: '" + id + "' is not a screening id");
                return ExitCodes.INPUT;
            }
            ReplayReport report;
            try {
                report = replays.replay(screening, current);
            } catch (NotFoundException | ReplayUnavailableException e) {
                err.println("screenings replay: " + e.getMessage());
                return ExitCodes.INPUT;
            }
            if ("json".equals(format)) {
                out.println(CliJson.pretty(report));
            } else {
                text(report, out);
            }
            out.flush();
            return report.identical() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }

        private static void text(ReplayReport r, PrintWriter out) {
            out.printf("screening %s (order %s), stored %s, as of %s%n", r.screeningId(), Text.escape(r.orderId()),
                    r.screenedAt(), r.asOf());
            out.printf("replayed with %s rule pack %s and lists %s%n", r.mode(), r.rulePack(),
                    r.listVersions() == null ? "(none)" : r.listVersions());
            out.printf("country risks and buyer history: %s%n", r.context());
            out.printf("decision: stored %s, replayed %s%n", r.storedDecision(), r.replayedDecision());
            out.println(r.identical() ? "IDENTICAL: same decision, verdicts and " + r.findings().size() + " findings"
                    : "DIFFERENT: " + r.added().size() + " finding(s) added, " + r.removed().size() + " removed");
            r.added().forEach(f -> out.println("  + " + line(f)));
            r.removed().forEach(f -> out.println("  - " + line(f)));
            r.notes().forEach(n -> out.println("note: " + n));
        }

        private static String line(FindingView f) {
            return f.ruleId() + " " + f.severity() + " " + (f.subject() == null ? "" : f.subject().pointer()) + ": "
                    + Text.escape(f.message());
        }
    }

    /** Keeps control characters from stored text out of the terminal. */
    static final class Text {
        static String escape(String text) {
            if (text == null) {
                return "";
            }
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                if (Character.isISOControl(c)) {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.appendCodePoint(c);
                }
            });
            return out.toString();
        }
    }
}
