package org.clearance.rules.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The mutation operators on single constraint expressions, as the DRL parser returns them. */
class ConstraintMutationsTest {

    @Test
    void shouldRemoveAndNegateABooleanCondition() {
        assertThat(ConstraintMutations.of("foreignMade", false))
                .extracting(ConstraintMutations.Edit::replacement, ConstraintMutations.Edit::operator)
                .containsExactly(tuple("true", MutationOperator.REMOVE_CONDITION),
                        tuple("!( foreignMade )", MutationOperator.NEGATE_CONDITION));
        assertThat(ConstraintMutations.of("!cclListed", false)).extracting(ConstraintMutations.Edit::replacement)
                .containsExactly("true", "cclListed");
        assertThat(ConstraintMutations.of("foreignMade", false).get(0).description()).isEqualTo("removing \"foreignMade\"");
    }

    @Test
    void shouldFlipComparisonsAndMoveBoundariesButNeverTouchStringLiterals() {
        List<String> replacements = ConstraintMutations.of("amount > 1000 && name != \"a>=b==c\"", false).stream()
                .map(ConstraintMutations.Edit::replacement).toList();
        assertThat(replacements).containsExactly("true", "name != \"a>=b==c\"", "amount > 1000",
                "amount >= 1000 && name != \"a>=b==c\"", "amount > 1000 && name == \"a>=b==c\"");
        assertThat(ConstraintMutations.of("a <= b", false)).extracting(ConstraintMutations.Edit::replacement)
                .containsExactly("true", "a < b");
    }

    @Test
    void shouldNegateAnInListAndShortenItByEachValue() {
        assertThat(ConstraintMutations.of("link in (Link.BUYER, Link.CONSIGNEE, Link.END_USER)", false))
                .extracting(ConstraintMutations.Edit::replacement, ConstraintMutations.Edit::operator)
                .containsExactly(tuple("true", MutationOperator.REMOVE_CONDITION),
                        tuple("link not in (Link.BUYER, Link.CONSIGNEE, Link.END_USER)", MutationOperator.NEGATE_COMPARISON),
                        tuple("link in (Link.CONSIGNEE, Link.END_USER)", MutationOperator.SHORTEN_LIST),
                        tuple("link in (Link.BUYER, Link.END_USER)", MutationOperator.SHORTEN_LIST),
                        tuple("link in (Link.BUYER, Link.CONSIGNEE)", MutationOperator.SHORTEN_LIST));
    }

    @Test
    void shouldPointADataFileLookupAtAnEmptyDatasetAndLeaveBindingsAlone() {
        assertThat(ConstraintMutations.of("dataset == \"common/russia-belarus\"", true))
                .extracting(ConstraintMutations.Edit::replacement, ConstraintMutations.Edit::description)
                .containsExactly(tuple("dataset == \"common/russia-belarus" + ConstraintMutations.EMPTY_DATASET_SUFFIX + "\"",
                        "pointing the lookup of data file \"common/russia-belarus\" at an empty dataset"));
        assertThat(ConstraintMutations.of("$c : country", false)).isEmpty();
    }
}
