package org.clearance.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.cli.ScreeningReport;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;
import org.clearance.order.InputProblem;
import org.clearance.screening.Decision;
import org.clearance.screening.FindingView;
import org.clearance.screening.ScreeningView;

/**
 * Order files whose names (and order ids, and messages) hold what breaks report formats: delimiters of GitHub
 * workflow commands, line breaks, '%', XML markup, control characters, URI delimiters, non-ASCII. Each file has one
 * screened order with a REVIEW finding and one input problem, so every writer writes every name twice.
 */
final class HostileNames {

    static final List<String> FILES = List.of(
            "orders/a,b.json",
            "c:d.json",
            "orders/new\nline\r.json",
            "orders/100%25%.json",
            "orders/&<>\"'.json",
            "orders/bell\u0007esc\u001b.json",
            "orders/with space #1 ?q=ü.json");

    /** An order id and a message written to hurt: delimiters, a fake command, a CDATA end, a NUL character. */
    static final String ORDER_ID = "A,B:C\n%0A&<>\"\u0001";
    static final String MESSAGE = "line 1\r\nline 2: 100% ::error file=x::forged ]]> \u0000 end";

    private HostileNames() {
    }

    static SourceMap sources() {
        SourceMap sources = new SourceMap();
        for (String file : FILES) {
            sources.add(file, "{\n  \"id\": \"x\",\n  \"lines\": [\n    {}\n  ]\n}");
        }
        return sources;
    }

    static ScreeningReport report() {
        List<ScreeningView> results = new ArrayList<>();
        List<InputProblem> errors = new ArrayList<>();
        for (String file : FILES) {
            FindingView finding = new FindingView("T-1", Jurisdiction.EU, Severity.REVIEW, "Art. 1, " + MESSAGE, null,
                    MESSAGE, new FindingView.Subject("/lines/0", "line 1 " + ORDER_ID));
            results.add(new ScreeningView(UUID.randomUUID(), ORDER_ID, file, LocalDate.of(2025, 5, 20), Decision.REVIEW,
                    Map.of(), List.of(finding), "pack", Instant.EPOCH, null, Map.of()));
            errors.add(new InputProblem(file, "/id", MESSAGE));
        }
        return new ScreeningReport("pack", results, errors);
    }
}
