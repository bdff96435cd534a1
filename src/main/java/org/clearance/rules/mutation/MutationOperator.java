package org.clearance.rules.mutation;

/** The ways a rule is changed to see whether its test cases notice. */
public enum MutationOperator {
    /** A constraint (or one operand of {@code &&} / {@code ||}) removed. */
    REMOVE_CONDITION("remove-condition"),
    /** A boolean constraint negated ({@code foreignMade} → {@code !foreignMade}). */
    NEGATE_CONDITION("negate-condition"),
    /** {@code ==} ↔ {@code !=}, {@code in} ↔ {@code not in}, {@code contains} ↔ {@code not contains}. */
    NEGATE_COMPARISON("negate-comparison"),
    /** {@code >} ↔ {@code >=}, {@code <} ↔ {@code <=}. */
    MOVE_BOUNDARY("move-boundary"),
    /** One value removed from an {@code in (…)} list. */
    SHORTEN_LIST("shorten-list"),
    /** A {@code DataRow( dataset == "x" )} lookup pointed at a dataset with no rows. */
    EMPTY_DATASET("empty-dataset"),
    /** A {@code not} or {@code exists} dropped. */
    DROP_QUANTIFIER("drop-not-exists"),
    /** {@code not} ↔ {@code exists}. */
    FLIP_QUANTIFIER("flip-not-exists"),
    /** The {@code @effective} date moved a day earlier or later. */
    MOVE_EFFECTIVE("move-effective");

    private final String label;

    MutationOperator(String label) {
        this.label = label;
    }

    /** The operator's name in reports. */
    public String label() {
        return label;
    }
}
