package org.clearance.cases;

import java.util.List;

/** A page of cases. */
public record CasePage(int page, int pageSize, long total, List<CaseSummary> items) {
}
