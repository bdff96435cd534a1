package org.clearance.cli;

import java.util.List;
import org.clearance.order.InputProblem;
import org.clearance.screening.ScreeningView;

/**
 * A screening report written as the run goes: each screened order once it is stored, then the input errors and the
 * end. The text and JSON reports write each order at once, so that a run of any length needs bounded memory.
 */
interface ReportSink {

    void add(ScreeningView result);

    void finish(List<InputProblem> errors);
}
