package org.clearance.cases;

import org.clearance.screening.StoredFinding;
import org.clearance.screening.StoredPartyMatch;

/**
 * The keys by which a disposition names what it decides: a finding by its rule and the part of the order it concerns,
 * a party match by the list entry and the order party. The same finding or match in a later screening of the order has
 * the same key, so a disposition carries over.
 */
final class CaseSubjects {

    static final String FINDING = "finding:";
    static final String MATCH = "match:";

    private CaseSubjects() {
    }

    static String findingKey(StoredFinding finding) {
        return FINDING + finding.ruleId + ":" + (finding.subjectPointer == null ? "" : finding.subjectPointer);
    }

    static String matchKey(StoredPartyMatch match) {
        return MATCH + match.listCode + ":" + match.sourceId + ":" + match.partyPointer;
    }
}
