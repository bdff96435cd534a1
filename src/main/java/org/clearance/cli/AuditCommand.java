package org.clearance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clearance.audit.Anchor;
import org.clearance.audit.AnchorKey;
import org.clearance.audit.AuditConfig;
import org.clearance.audit.AuditExport;
import org.clearance.audit.AuditProblem;
import org.clearance.audit.AuditService;
import org.clearance.audit.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clearance audit verify|export|keygen}: checks and exports the tamper-evident audit trail. */
@Command(name = "audit", description = "Verify and export the tamper-evident audit trail.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class, AuditCommand.Keygen.class})
public class AuditCommand {

    /** {@code clearance audit verify [--anchor FILE]}. */
    @Command(name = "verify", description = "Walk the hash chain and every screening it covers; name the first record or "
            + "screening that was changed, deleted, inserted or reordered.",
            footer = {"", "Exit codes: 0 intact, 1 something was changed, 2 unreadable anchor file."})
    static class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--anchor", paramLabel = "FILE", description = "An export kept outside the system: its chain head must still be in the chain.")
        Path anchorFile;

        @Option(names = "--public-key", paramLabel = "FILE", description = "The anchor key's public key (PEM) the signature of --anchor must verify with.")
        Path publicKey;

        @Inject
        AuditService audit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Anchor anchor = null;
            if (anchorFile != null) {
                try {
                    JsonNode export = new ObjectMapper().readTree(anchorFile.toFile());
                    anchor = AuditExport.anchor(export);
                    String signatureCheck = signature(export);
                    if (signatureCheck != null) {
                        err.println(anchorFile + ": " + signatureCheck);
                        return ExitCodes.FINDINGS;
                    }
                } catch (IOException | IllegalArgumentException e) {
                    err.println(anchorFile + ": " + e.getMessage());
                    return ExitCodes.INPUT;
                }
            }
            VerifyReport report = audit.verify(anchor);
            if (report.valid()) {
                out.printf("audit trail intact: %d records, %d screenings checked, head #%d %s%s%n", report.records(),
                        report.screenings(), report.headSeq(), report.headChain(),
                        anchor == null ? "" : ", anchor #" + anchor.seq() + " matches");
                return ExitCodes.OK;
            }
            err.println("audit trail broken: " + report.problems().get(0).message());
            report.problems().stream().skip(1).map(AuditProblem::message).forEach(m -> err.println("  also: " + m));
            return ExitCodes.FINDINGS;
        }

        private String signature(JsonNode export) throws IOException {
            JsonNode signature = export.path("signature");
            if (signature.isMissingNode()) {
                return publicKey == null ? null : "the anchor is not signed";
            }
            String pem = publicKey != null ? Files.readString(publicKey) : signature.path("public_key").asText(null);
            if (pem == null) {
                return null;
            }
            boolean valid = AnchorKey.verify(pem, signature.path("signed").asText(), signature.path("value").asText())
                    && signature.path("signed").asText().contains("\"head_chain\":\"" + export.path("head").path("chain").asText() + "\"");
            return valid ? null : "the anchor signature does not verify";
        }
    }

    /** {@code clearance audit export --from DATE --to DATE [--output FILE]}. */
    @Command(name = "export", description = "Write the records of a period, the chain value before them and the chain "
            + "head (signed with clearance.audit.signing-key when set) as JSON, for an auditor to keep outside.",
            footer = {"", "Exit codes: 0 written, 2 bad dates or unwritable output."})
    static class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (ISO date, UTC) or instant, inclusive.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day (ISO date, UTC, inclusive) or instant (exclusive).")
        String to;

        @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of stdout.")
        Path output;

        @Inject
        AuditService audit;

        @Inject
        AuditConfig config;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Instant start;
            Instant end;
            try {
                start = instant(from, false);
                end = instant(to, true);
            } catch (DateTimeParseException e) {
                err.println("audit export: --from/--to: '" + e.getParsedString() + "' is not an ISO date or instant");
                return ExitCodes.INPUT;
            }
            Optional<AnchorKey> key = Optional.empty();
            if (config.signingKey().isPresent()) {
                try {
                    key = Optional.of(AnchorKey.load(Path.of(config.signingKey().get())));
                } catch (IOException e) {
                    err.println("audit export: clearance.audit.signing-key: " + e.getMessage());
                    return ExitCodes.INPUT;
                }
            }
            ObjectNode document = AuditExport.document(audit.range(start, end), start, end, Instant.now(), key);
            String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
            if (output == null) {
                spec.commandLine().getOut().print(json);
                spec.commandLine().getOut().flush();
            } else {
                try {
                    Files.writeString(output, json);
                } catch (IOException e) {
                    err.println(output + ": cannot write: " + e.getMessage());
                    return ExitCodes.INPUT;
                }
                err.printf("audit export: %d records, head #%d written to %s%n", document.path("records").size(),
                        document.path("head").path("seq").asLong(), output);
            }
            return ExitCodes.OK;
        }

        private static Instant instant(String text, boolean end) {
            if (text.contains("T")) {
                return Instant.parse(text);
            }
            LocalDate day = LocalDate.parse(text);
            return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** {@code clearance audit keygen FILE}. */
    @Command(name = "keygen", description = "Create an Ed25519 anchor key: FILE (private, owner-only) and FILE.pub; "
            + "set clearance.audit.signing-key=FILE and give FILE.pub to your auditor.")
    static class Keygen implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            if (Files.exists(file)) {
                spec.commandLine().getErr().println(file + ": exists; not overwriting a signing key");
                return ExitCodes.INPUT;
            }
            try {
                AnchorKey.generate(file);
            } catch (IOException e) {
                spec.commandLine().getErr().println(file + ": cannot write: " + e.getMessage());
                return ExitCodes.INPUT;
            }
            spec.commandLine().getOut().println("wrote " + file + " (private) and " + file + ".pub (public)");
            return ExitCodes.OK;
        }
    }
}
