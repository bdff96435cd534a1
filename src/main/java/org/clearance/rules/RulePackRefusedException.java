package org.clearance.rules;

import java.util.List;

/**
 * The rule pack uses code that rules may not run (docs/security.md, "Rule pack allow-list") or is too big;
 * none of its code ran. A {@link RulePackInvalidException}, so every caller that refuses an invalid pack
 * refuses this one too.
 */
public class RulePackRefusedException extends RulePackInvalidException {

    public RulePackRefusedException(List<RulePackProblem> problems) {
        super(problems);
    }
}
