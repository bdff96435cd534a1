package org.clearance.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clearance.licences.InvalidLicencesException;
import org.clearance.licences.LicenceExistsException;
import org.clearance.licences.LicenceFiles;
import org.clearance.licences.LicenceRegister;
import org.clearance.licences.LicenceView;
import org.clearance.security.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clearance licences import|show}: fill the licence register and see what is left of each licence. */
@Command(name = "licences", description = "Register licences and approvals, or show the licence register.",
        subcommands = {LicencesCommand.ImportLicences.class, LicencesCommand.ShowLicences.class})
public class LicencesCommand {

    /** Registers every licence of a CSV or JSON file, or none. */
    @Command(name = "import", description = "Register the licences and approvals of a CSV or JSON file (docs/licences.md), all or nothing.",
            footer = {"", "FILE ending in .csv is read as CSV (a header row of column names), any other as JSON",
                    "(one licence object or an array).",
                    "Exit codes: 0 registered, 2 unreadable or invalid file, or a reference already registered",
                    "(nothing registered), 70 internal error."})
    static class ImportLicences implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The licences file (.csv or .json).")
        Path file;

        @Inject
        LicenceRegister register;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                if (!Files.isRegularFile(file)) {
                    err.println(file + ": no such file");
                } else {
                    List<LicenceView> registered = register.register(LicenceFiles.read(file), Actor.cliOperator());
                    PrintWriter out = spec.commandLine().getOut();
                    out.printf("%s: registered %d licence(s): %s%n", file, registered.size(), String.join(", ",
                            registered.stream().map(l -> l.jurisdiction() + " " + l.reference()).toList()));
                    out.flush();
                    return ExitCodes.OK;
                }
            } catch (InvalidLicencesException e) {
                // The problem's source names the file and line (CSV) or the file (JSON); the pointer names the field.
                e.problems().forEach(p -> err.println(where(p.source()) + ": "
                        + (p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message()));
                err.println(file + ": nothing was registered");
            } catch (LicenceExistsException e) {
                err.println(file + ": " + e.getMessage());
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
            }
            err.flush();
            return ExitCodes.INPUT;
        }

        /** The file as given on the command line, with the line number a CSV problem carries. */
        private String where(String source) {
            String name = file.getFileName().toString();
            return source.startsWith(name) ? file + source.substring(name.length()) : source;
        }
    }

    /** Prints every registered licence with what is left of it. */
    @Command(name = "show", description = "Show the licence register: each licence's validity and what is left of it.")
    static class ShowLicences implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Inject
        LicenceRegister register;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<LicenceView> licences = register.list(null, null);
            if (licences.isEmpty()) {
                out.println("No licences registered; see 'clearance licences import --help'.");
            } else {
                String row = "%-3s %-24s %-32s %-11s %-22s %s%n";
                out.printf(row, "JUR", "REFERENCE", "HOLDER", "VALID UNTIL", "QUANTITY LEFT", "VALUE LEFT");
                for (LicenceView l : licences) {
                    out.printf(row, l.jurisdiction(), l.reference(), l.holder().name(),
                            l.validUntil() == null ? "-" : l.validUntil(), left(l.quantityRemaining(), l.quantityLimit(), l.quantityUnit()),
                            left(l.valueRemaining(), l.valueLimit(), l.valueCurrency()));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String left(BigDecimal remaining, BigDecimal limit, String unit) {
            return remaining == null ? "unlimited" : remaining.stripTrailingZeros().toPlainString() + " of "
                    + limit.stripTrailingZeros().toPlainString() + " " + unit;
        }
    }
}
