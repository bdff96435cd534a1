package org.clearance.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.clearance.cases.CaseRequests;
import org.clearance.cases.CaseConflictException;
import org.clearance.cases.CaseNotFoundException;
import org.clearance.cases.CasePage;
import org.clearance.cases.CaseQuery;
import org.clearance.cases.CaseService;
import org.clearance.cases.CaseSummary;
import org.clearance.cases.CaseView;
import org.clearance.security.Actor;
import org.clearance.web.InvalidQueryException;
import org.clearance.web.InvalidRequestException;
import org.clearance.web.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clearance cases list|show|act|dispose}: officers' cases from the command line, as the local operator. */
@Command(name = "cases", description = "Work the cases that REVIEW and BLOCK screenings open (docs/cases.md).",
        subcommands = {CasesCommand.ListCases.class, CasesCommand.Show.class, CasesCommand.Act.class,
                CasesCommand.Dispose.class})
public class CasesCommand {

    private static final String EXIT_CODES = "Exit codes: 0 done, 1 refused by the case rules (e.g. four-eyes), "
            + "2 invalid input or unknown case.";

    /** Lists cases, open ones first and soonest due first. */
    @Command(name = "list", description = "List cases, open ones first and soonest due first.",
            footer = {"", "Exit codes: 0 listed, 2 invalid filter."})
    static class ListCases implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--status", description = "open, in_review, escalated, released, rejected; several separated by commas.")
        String status;

        @Option(names = "--assignee", description = "The assigned officer, exactly.")
        String assignee;

        @Option(names = "--decision", description = "REVIEW or BLOCK.")
        String decision;

        @Option(names = "--overdue", description = "true: open and past due; false: the others.")
        String overdue;

        @Option(names = "--party", description = "Part of the name of any party of the order.")
        String party;

        @Option(names = "-q", description = "An order id, or part of a party name.")
        String q;

        @Option(names = "--page", description = "0-based page of 50 cases.")
        String page;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Inject
        CaseService cases;

        @Override
        @jakarta.enterprise.context.control.ActivateRequestContext
        public Integer call() throws Exception {
            MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
            put(query, "status", status);
            put(query, "assignee", assignee);
            put(query, "decision", decision);
            put(query, "overdue", overdue);
            put(query, "party", party);
            put(query, "q", q);
            put(query, "page", page);
            CaseQuery.Request request;
            try {
                request = CaseQuery.parse(query, PAGE_SIZE);
            } catch (InvalidQueryException e) {
                return problems(spec, "cases list", e.errors());
            }
            CasePage found = cases.list(request.query(), request.page(), PAGE_SIZE);
            PrintWriter out = spec.commandLine().getOut();
            if ("json".equals(format)) {
                out.println(CliJson.pretty(found));
            } else {
                String row = "%-36s  %-24s  %-10s  %-6s  %-6s  %-20s  %s%n";
                out.printf(row, "CASE", "ORDER", "STATUS", "DEC", "PRIO", "DUE", "ASSIGNEE");
                for (CaseSummary c : found.items()) {
                    out.printf(row, c.id(), ScreeningsCommand.Text.escape(c.orderId()), c.status().label(), c.decision(),
                            c.priority().label(), c.dueAt() + (c.overdue() ? " !" : ""),
                            c.assignee() == null ? "-" : ScreeningsCommand.Text.escape(c.assignee()));
                }
                out.printf("%d case(s)%s%n", found.total(), found.total() > found.items().size()
                        ? ", page " + found.page() + " shown (--page N for more)" : "");
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static void put(MultivaluedHashMap<String, String> query, String name, String value) {
            if (value != null) {
                query.putSingle(name, value);
            }
        }
    }

    /** Shows one case. */
    @Command(name = "show", description = "Show a case: its screenings, findings and party matches with their keys, "
            + "dispositions and timeline.", footer = {"", "Exit codes: 0 shown, 2 unknown case."})
    static class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The case id.")
        String id;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Inject
        CaseService cases;

        @Override
        @jakarta.enterprise.context.control.ActivateRequestContext
        public Integer call() throws Exception {
            try {
                CaseView view = cases.get(caseId(id));
                print(view, format, spec.commandLine().getOut());
                return ExitCodes.OK;
            } catch (CaseNotFoundException e) {
                return refused(spec, "cases show", e.getMessage(), ExitCodes.INPUT);
            }
        }
    }

    /** Acts on a case as the local operator. */
    @Command(name = "act", description = "Act on a case as the local operator (cli:<user>): assign, comment, escalate, "
            + "request_information, release, approve, reject, reopen.", footer = {"", EXIT_CODES})
    static class Act implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The case id.")
        String id;

        @Parameters(index = "1", paramLabel = "ACTION", description = "assign, comment, escalate, request_information, "
                + "release, approve, reject or reopen.")
        String action;

        @Option(names = "--reason", description = "Why (required for every action but assign).")
        String reason;

        @Option(names = "--assignee", description = "For assign: the officer (default: you).")
        String assignee;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Inject
        CaseService cases;

        @Override
        @jakarta.enterprise.context.control.ActivateRequestContext
        public Integer call() throws Exception {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("action", action);
            if (reason != null) {
                body.put("reason", reason);
            }
            if (assignee != null) {
                body.put("assignee", assignee);
            }
            return run(spec, "cases act", format, () -> cases.act(caseId(id), CaseRequests.action(body), Actor.cliOperator()));
        }
    }

    /** Decides one finding or party match of a case as the local operator. */
    @Command(name = "dispose", description = "Decide one finding or party match of a case (its key, as 'cases show' "
            + "prints it): true_match, false_positive, not_relevant or licensed.", footer = {"", EXIT_CODES})
    static class Dispose implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The case id.")
        String id;

        @Parameters(index = "1", paramLabel = "SUBJECT", description = "The key of the finding or party match.")
        String subject;

        @Parameters(index = "2", paramLabel = "DISPOSITION", description = "true_match, false_positive, not_relevant or licensed.")
        String disposition;

        @Option(names = "--reason", required = true, description = "Why.")
        String reason;

        @Option(names = "--authorisation", description = "For licensed: the licence or general authorisation reference.")
        String authorisation;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Inject
        CaseService cases;

        @Override
        @jakarta.enterprise.context.control.ActivateRequestContext
        public Integer call() throws Exception {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("subject", subject)
                    .put("disposition", disposition).put("reason", reason);
            if (authorisation != null) {
                body.put("authorisation", authorisation);
            }
            return run(spec, "cases dispose", format,
                    () -> cases.dispose(caseId(id), CaseRequests.disposition(body), Actor.cliOperator()));
        }
    }

    static final int PAGE_SIZE = 50;

    private static int run(CommandSpec spec, String command, String format, java.util.function.Supplier<CaseView> work)
            throws Exception {
        CaseView view;
        try {
            view = work.get();
        } catch (InvalidRequestException e) {
            return problems(spec, command, e.errors());
        } catch (CaseNotFoundException e) {
            return refused(spec, command, e.getMessage(), ExitCodes.INPUT);
        } catch (CaseConflictException e) {
            return refused(spec, command, e.getMessage() + " (" + e.rule() + ")", ExitCodes.FINDINGS);
        }
        print(view, format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private static UUID caseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CaseNotFoundException("'" + ScreeningsCommand.Text.escape(id) + "' is not a case id.");
        }
    }

    private static int problems(CommandSpec spec, String command, java.util.List<Problem.Error> errors) {
        PrintWriter err = spec.commandLine().getErr();
        errors.forEach(e -> err.println(command + ": " + (e.pointer().isEmpty() ? "" : e.pointer() + " ") + e.message()));
        err.flush();
        return ExitCodes.INPUT;
    }

    private static int refused(CommandSpec spec, String command, String message, int exitCode) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(command + ": " + message);
        err.flush();
        return exitCode;
    }

    private static void print(CaseView c, String format, PrintWriter out) throws Exception {
        if ("json".equals(format)) {
            out.println(CliJson.pretty(c));
            out.flush();
            return;
        }
        out.printf("case %s  order %s%n", c.id(), ScreeningsCommand.Text.escape(c.orderId()));
        out.printf("status %s  decision %s  priority %s  risk %s  due %s%s  assignee %s%n", c.status().label(),
                c.decision(), c.priority().label(), c.riskScore() == null ? "-" : c.riskScore(), c.dueAt(),
                c.overdue() ? " (overdue)" : "", c.assignee() == null ? "-" : ScreeningsCommand.Text.escape(c.assignee()));
        if (c.releaseProposal() != null) {
            out.printf("release proposed by %s at %s: a second officer approves it%n",
                    ScreeningsCommand.Text.escape(c.releaseProposal().by()), c.releaseProposal().at());
        } else if (c.fourEyesRequired() && !c.status().closed()) {
            out.println("a release needs a second officer's approval (four-eyes)");
        }
        out.println("screenings:");
        c.screenings().forEach(s -> out.printf("  %s  %s  %s%n", s.id(), s.decision(), s.screenedAt()));
        out.println("findings (key: rule, severity):");
        c.findings().forEach(f -> out.printf("  %s  %s%s%n", ScreeningsCommand.Text.escape(f.key()), f.severity(),
                f.disposition() == null ? "" : "  → " + f.disposition().disposition().label()));
        if (!c.partyMatches().isEmpty()) {
            out.println("party matches:");
            c.partyMatches().forEach(m -> out.printf("  %s  %s ~ %s (%.2f)%s%n", ScreeningsCommand.Text.escape(m.key()),
                    ScreeningsCommand.Text.escape(m.partyName()), ScreeningsCommand.Text.escape(m.entryName()), m.score(),
                    m.disposition() == null ? "" : "  → " + m.disposition().disposition().label()));
        }
        out.println("timeline:");
        c.timeline().forEach(e -> out.printf("  %s  %-20s %-20s → %-10s %s%s%n", e.at(), ScreeningsCommand.Text.escape(e.actor()),
                e.action(), e.statusAfter().label(), e.reason() == null ? "" : ScreeningsCommand.Text.escape(e.reason()),
                e.detail() == null ? "" : " [" + ScreeningsCommand.Text.escape(e.detail()) + "]"));
        out.flush();
    }
}
