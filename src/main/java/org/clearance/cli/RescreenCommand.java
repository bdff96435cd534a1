package org.clearance.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.clearance.rescreen.RescreenRunView;
import org.clearance.rescreen.RescreenService;
import org.clearance.security.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clearance rescreen [--since DATE]}: screens the open orders again by hand. */
@Command(name = "rescreen", description = "Screen the open orders again with today's rule pack, lists and country "
        + "risks; store a new screening (and open or update its case) only where the outcome changed.",
        footer = {"", "Exit codes: 0 done, 2 invalid date."})
public class RescreenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--since", description = "Only orders last screened on or after this date (YYYY-MM-DD, UTC).")
    String since;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Inject
    RescreenService rescreens;

    @Override
    @jakarta.enterprise.context.control.ActivateRequestContext
    public Integer call() throws Exception {
        Instant from = null;
        if (since != null) {
            try {
                from = LocalDate.parse(since.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                spec.commandLine().getErr().println("rescreen: --since must be a date like 2026-12-01 (got '"
                        + ScreeningsCommand.Text.escape(since) + "')");
                return ExitCodes.INPUT;
            }
        }
        RescreenRunView run = rescreens.all(from, "by hand" + (since == null ? "" : " since " + since), Actor.cliOperator());
        PrintWriter out = spec.commandLine().getOut();
        if ("json".equals(format)) {
            out.println(CliJson.pretty(run));
        } else {
            out.printf("%d open orders, %d screened again, %d changed (stored, cases opened or updated) in %d ms%n",
                    run.openOrders(), run.rescreened(), run.changed(), run.durationMs());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
