package org.clearance.cli;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintWriter;
import java.util.Map;
import java.util.EnumMap;
import java.util.List;
import org.clearance.order.InputProblem;
import java.util.stream.Collectors;
import org.clearance.order.Printable;
import org.clearance.screening.Decision;
import org.clearance.screening.FindingView;
import org.clearance.screening.ScreeningView;

/** Writes a screening report for people: a block per order, then a one-line summary. */
@ApplicationScoped
public class TextReportWriter {

    private static final String ROW = "  %-22s %-8s %-4s %s%n";
    private static final String CONTINUATION = "  %-22s %-8s %-4s %s%n";

    public void write(ScreeningReport report, PrintWriter out) {
        ReportSink sink = open(report.rulePack(), out);
        report.results().forEach(sink::add);
        sink.finish(report.errors());
    }

    /** A report that writes each order's block at once and the summary at the end. */
    ReportSink open(String rulePack, PrintWriter out) {
        Map<Decision, Long> counts = new EnumMap<>(Decision.class);
        return new ReportSink() {
            @Override
            public void add(ScreeningView result) {
                writeResult(result, out);
                counts.merge(result.decision(), 1L, Long::sum);
            }

            @Override
            public void finish(List<InputProblem> errors) {
                out.printf("%d order(s) screened: %d CLEAR, %d REVIEW, %d BLOCK; %d input error(s). Rule pack %s%n",
                        counts.values().stream().mapToLong(Long::longValue).sum(), counts.getOrDefault(Decision.CLEAR, 0L),
                        counts.getOrDefault(Decision.REVIEW, 0L), counts.getOrDefault(Decision.BLOCK, 0L), errors.size(),
                        rulePack == null ? "-" : rulePack.substring(0, 12));
                out.flush();
            }
        };
    }

    private void writeResult(ScreeningView result, PrintWriter out) {
        // Order text is validated, file names are not: escape both, so no byte of the input drives the terminal.
        out.printf("Order %s: %s%n", Printable.escape(result.orderId()), result.decision());
        out.printf("  from %s, as of %s%n", Printable.escape(result.source()), result.asOf());
        out.printf("  verdicts  %s%n", result.verdicts().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("  |  ")));
        if (result.applicability() != null) {
            result.applicability().forEach((regime, nexus) -> {
                if (!nexus.applies()) {
                    out.printf("  %-4s n/a  %s%n", regime, String.join("; ", nexus.reasons()));
                } else if (!nexus.known()) {
                    out.printf("  %-4s ?    applies while unknown: %s%n", regime, nexus.settledBy().isEmpty()
                            ? String.join("; ", nexus.reasons()) : String.join(", ", nexus.settledBy()) + " would settle it");
                }
            });
        }
        if (result.risk() != null) {
            out.printf("  risk      %d%s%n", result.risk().score(),
                    result.risk().reviewScore() == null ? "" : " (review at " + result.risk().reviewScore() + ")");
        }
        if (result.findings().isEmpty()) {
            out.printf("  no findings%n%n");
            return;
        }
        out.printf(ROW, "RULE", "SEVERITY", "JUR", "CITATION / MESSAGE");
        for (FindingView finding : result.findings()) {
            String citation = finding.citation() + ("verify".equals(finding.confidence()) ? " [verify]" : "");
            out.printf(ROW, finding.ruleId(), finding.severity(), finding.jurisdiction(), citation);
            out.printf(CONTINUATION, "", "", "", Printable.escape(finding.subject().label() + ": " + finding.message()));
            if (finding.override() != null) {
                out.printf(CONTINUATION, "", "", "", Printable.escape(finding.override()));
            }
        }
        out.println();
    }
}
