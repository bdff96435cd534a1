package org.clearance.screening;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters for listing stored screenings; every filter is optional ({@code submittedBy} limits a screener to its own).
 * {@code partyKey} is a folded ({@link OrderSearchTerms#fold}) part of a party name; {@code before} is exclusive.
 */
record ScreeningQuery(String orderId, String partyKey, String country, Decision decision, Instant since, Instant before,
                      String submittedBy) {


    PanacheQuery<Screening> find() {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (orderId != null) {
            conditions.add("orderId = :orderId");
            parameters.and("orderId", orderId);
        }
        if (partyKey != null) {
            conditions.add("id in (select s.id from Screening s join s.searchTerms t where t.nameKey like :party escape '"
                    + OrderSearchTerms.LIKE_ESCAPE + "')");
            parameters.and("party", "%" + OrderSearchTerms.likeLiteral(partyKey) + "%");
        }
        if (country != null) {
            conditions.add("id in (select s.id from Screening s join s.searchTerms t where t.country = :country)");
            parameters.and("country", country);
        }
        if (decision != null) {
            conditions.add("decision = :decision");
            parameters.and("decision", decision);
        }
        if (since != null) {
            conditions.add("screenedAt >= :since");
            parameters.and("since", since);
        }
        if (before != null) {
            conditions.add("screenedAt < :before");
            parameters.and("before", before);
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
