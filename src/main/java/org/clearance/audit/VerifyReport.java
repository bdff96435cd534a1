package org.clearance.audit;

import java.util.List;

/**
 * The outcome of walking the chain: how many records and screenings were checked, the head value, and the problems
 * in the order found (the first is what the CLI and the API name).
 */
public record VerifyReport(boolean valid, long records, long screenings, long headSeq, String headChain,
                           List<AuditProblem> problems) {

    public VerifyReport {
        problems = List.copyOf(problems);
    }
}
