package org.clearance.examples;

import java.util.List;

/** What one example order screens to, as a row of examples/expected.csv: its decision and the ids of the rules that fire. */
public record ExpectedResult(String file, String orderId, String decision, List<String> ruleIds) {

    public ExpectedResult {
        ruleIds = ruleIds.stream().sorted().toList();
    }

    /** The decision and rule ids in words, e.g. {@code REVIEW [ALL-DIV-01, EU-12GB-01]}. */
    public String outcome() {
        return decision + " " + ruleIds;
    }

    /** Where the order is: its file and id. */
    public String key() {
        return file + " " + orderId;
    }
}
