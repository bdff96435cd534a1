package org.clearance.rules.mutation;

/**
 * What became of one mutant: killed (with the first case that noticed), survived, recorded as equivalent (with the
 * reason from the tests file) or skipped because it does not compile.
 */
public record MutantResult(Mutant mutant, Status status, String detail) {

    /** The outcome of running a mutant's cases. */
    public enum Status {
        KILLED, SURVIVED, EQUIVALENT, NOT_COMPILED
    }
}
