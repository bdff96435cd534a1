package org.clearance.screening;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Filters for listing stored screenings; every filter is optional ({@code submittedBy} limits a screener to its own). */
record ScreeningQuery(Decision decision, Instant since, String submittedBy) {

    PanacheQuery<Screening> find() {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (decision != null) {
            conditions.add("decision = :decision");
            parameters.and("decision", decision);
        }
        if (since != null) {
            conditions.add("screenedAt >= :since");
            parameters.and("since", since);
        }
        if (submittedBy != null) {
            conditions.add("submittedBy = :submittedBy");
            parameters.and("submittedBy", submittedBy);
        }
        Sort newestFirst = Sort.descending("screenedAt").and("id");
        return conditions.isEmpty() ? Screening.findAll(newestFirst)
                : Screening.find(String.join(" and ", conditions), newestFirst, parameters);
    }
}
