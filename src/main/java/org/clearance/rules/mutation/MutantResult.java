package org.clearance.rules.mutation;

/**
 * What became of one mutant: killed (with the first case that noticed), timed out (its cases did not finish within
 * the time budget; counts as killed), survived, recorded as equivalent (with the reason from the tests file) or
 * skipped because it does not compile or because the rule cannot be swapped in place (not run, with the reason).
 */
public record MutantResult(Mutant mutant, Status status, String detail) {

    /** The outcome of running a mutant's cases. */
    public enum Status {
        KILLED, TIMED_OUT, SURVIVED, EQUIVALENT, NOT_COMPILED, NOT_RUN;

        /** Killed or timed out: a case noticed the mutant. */
        public boolean detected() {
            return this == KILLED || this == TIMED_OUT;
        }
    }
}
