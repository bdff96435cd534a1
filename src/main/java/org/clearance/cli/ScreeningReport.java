package org.clearance.cli;

import java.util.List;
import org.clearance.order.InputProblem;
import org.clearance.screening.ScreeningView;

/** What {@code clearance screen} reports: the pack used, each screened order and each input error. */
public record ScreeningReport(String rulePack, List<ScreeningView> results, List<InputProblem> errors) {
}
