package org.clearance.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.clearance.security.Actor;
import org.clearance.security.Roles;
import org.junit.jupiter.api.Test;

class CaseTransitionsTest {

    private static final Actor ANN = new Actor("officer.ann", Set.of(Roles.OFFICER));
    private static final Actor BOB = new Actor("officer.bob", Set.of(Roles.OFFICER));

    @Test
    void shouldReleaseAtOnceWhenFourEyesAreNotRequired() {
        CaseTransitions.Next next = CaseTransitions.apply(CaseStatus.IN_REVIEW, null, CaseAction.RELEASE, ANN, false);
        assertThat(next.status()).isEqualTo(CaseStatus.RELEASED);
        assertThat(next.releaseProposedBy()).isNull();
    }

    @Test
    void shouldOnlyProposeAReleaseThatNeedsFourEyesAndLetAnotherOfficerApproveIt() {
        CaseTransitions.Next proposed = CaseTransitions.apply(CaseStatus.ESCALATED, null, CaseAction.RELEASE, ANN, true);
        assertThat(proposed.status()).isEqualTo(CaseStatus.ESCALATED);
        assertThat(proposed.releaseProposedBy()).isEqualTo("officer.ann");

        assertThatThrownBy(() -> CaseTransitions.apply(CaseStatus.ESCALATED, "officer.ann", CaseAction.APPROVE, ANN, true))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> assertThat(e.rule()).isEqualTo("four-eyes"));
        assertThatThrownBy(() -> CaseTransitions.apply(CaseStatus.ESCALATED, "officer.ann", CaseAction.RELEASE, BOB, true))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> assertThat(e.rule()).isEqualTo("release-pending"));
        CaseTransitions.Next approved = CaseTransitions.apply(CaseStatus.ESCALATED, "officer.ann", CaseAction.APPROVE, BOB, true);
        assertThat(approved.status()).isEqualTo(CaseStatus.RELEASED);
        assertThat(approved.releaseProposedBy()).isNull();
    }

    @Test
    void shouldRefuseAnApprovalWithoutAProposal() {
        assertThatThrownBy(() -> CaseTransitions.apply(CaseStatus.OPEN, null, CaseAction.APPROVE, BOB, true))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> assertThat(e.rule()).isEqualTo("no-release-proposed"));
    }

    @Test
    void shouldWithdrawAPendingReleaseWhenTheCaseIsRejected() {
        CaseTransitions.Next next = CaseTransitions.apply(CaseStatus.IN_REVIEW, "officer.ann", CaseAction.REJECT, BOB, true);
        assertThat(next.status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(next.releaseProposedBy()).isNull();
        assertThat(next.detail()).contains("withdrawn");
    }

    @Test
    void shouldAllowOnlyCommentsAndReopeningOnAClosedCase() {
        for (CaseAction action : CaseAction.values()) {
            if (action == CaseAction.COMMENT || action == CaseAction.REOPEN) {
                continue;
            }
            assertThatThrownBy(() -> CaseTransitions.apply(CaseStatus.RELEASED, null, action, ANN, false))
                    .as(action.label()).isInstanceOfSatisfying(CaseConflictException.class,
                            e -> assertThat(e.rule()).isEqualTo("case-closed"));
        }
        assertThat(CaseTransitions.apply(CaseStatus.REJECTED, null, CaseAction.COMMENT, ANN, false).status())
                .isEqualTo(CaseStatus.REJECTED);
        assertThat(CaseTransitions.apply(CaseStatus.REJECTED, null, CaseAction.REOPEN, ANN, false).status())
                .isEqualTo(CaseStatus.OPEN);
        assertThatThrownBy(() -> CaseTransitions.apply(CaseStatus.OPEN, null, CaseAction.REOPEN, ANN, false))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> assertThat(e.rule()).isEqualTo("case-not-closed"));
    }

    @Test
    void shouldMoveAnOpenCaseToReviewWhenAssignedAndRefuseEscalatingTwice() {
        assertThat(CaseTransitions.apply(CaseStatus.OPEN, null, CaseAction.ASSIGN, ANN, false).status())
                .isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(CaseTransitions.apply(CaseStatus.ESCALATED, null, CaseAction.ASSIGN, ANN, false).status())
                .isEqualTo(CaseStatus.ESCALATED);
        assertThatThrownBy(() -> CaseTransitions.apply(CaseStatus.ESCALATED, null, CaseAction.ESCALATE, ANN, false))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> assertThat(e.rule()).isEqualTo("already-escalated"));
    }
}
