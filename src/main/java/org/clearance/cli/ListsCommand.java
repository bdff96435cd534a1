package org.clearance.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.clearance.config.ClearanceConfig;
import org.clearance.lists.ImportResult;
import org.clearance.lists.InvalidListRequestException;
import org.clearance.lists.ListCatalog;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListImportService;
import org.clearance.lists.ListReaders;
import org.clearance.lists.ListShrinkRefusedException;
import org.clearance.ownership.OwnershipImportResult;
import org.clearance.ownership.OwnershipImportService;
import org.clearance.security.Actor;
import org.clearance.lists.ListVersionView;
import org.clearance.lists.UnmappedList;
import org.clearance.lists.UnmappedLists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clearance lists import|import-ownership|show}: load sanctions and entity lists, and who owns whom, into the
 * database and see what is loaded.
 */
@Command(name = "lists", description = "Import sanctions and entity lists or an ownership file, or show which lists are loaded.",
        subcommands = {ListsCommand.ImportList.class, ListsCommand.ImportOwnership.class, ListsCommand.ShowLists.class})
public class ListsCommand {

    /** Imports an ownership file, replacing the ownership data imported before. */
    @Command(name = "import-ownership", description = "Import an ownership file (CSV: entity,owner,share,source), replacing "
            + "the ownership data imported before.",
            footer = {"", "One row per owner of an entity: share is a percentage from 0 to 100, source",
                    "says where the fact comes from (free text). Screening adds the file's owners",
                    "of an order party whose name is an entity of the file to the owners the order",
                    "declares, follows owners that are entities of the file in turn, and treats",
                    "the party as listed where listed owners reach a regime's threshold",
                    "(docs/matching.md, section 9).",
                    "",
                    "Exit codes: 0 imported or unchanged, 2 unreadable or malformed file",
                    "(nothing imported), 70 internal error."})
    static class ImportOwnership implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The ownership file (CSV with header entity,owner,share,source).")
        Path file;

        @Inject
        OwnershipImportService imports;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                if (!Files.isRegularFile(file)) {
                    throw new InvalidListRequestException("no such file");
                }
                OwnershipImportResult result = imports.importFile(file, Actor.cliOperator());
                PrintWriter out = spec.commandLine().getOut();
                out.printf("ownership: %s %d rows for %d entities (sha256 %s)%n", result.changed() ? "imported"
                        : "unchanged, identical to the active file:", result.rows(), result.entities(),
                        result.sha256().substring(0, 12));
                out.flush();
                return ExitCodes.OK;
            } catch (ListFormatException e) {
                err.println(file + ": " + e.location() + ": " + e.problem() + " (nothing was imported)");
            } catch (InvalidListRequestException e) {
                err.println(file + ": " + e.getMessage());
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
            }
            err.flush();
            return ExitCodes.INPUT;
        }
    }

    /** Imports one file (or OFAC folder) as the new version of a source. */
    @Command(name = "import", description = "Import a list file as the new active version of a source.",
            footer = {"", "Formats: OFAC_SDN_CSV, OFAC_CONSOLIDATED_CSV (FILE = folder with the four files), US_CSL_CSV,",
                    "US_CSL_JSON, BIS_DPL_TXT, EU_FSF_XML, UK_SANCTIONS_LIST_CSV, JP_METI_TEXT, CUSTOM_CSV.",
                    "",
                    "Every imported list is screened. A list the rule pack does not map to a regime and category",
                    "(no row for its list code in the pack's data/common/list-sources.csv) - a CUSTOM_CSV list, whose",
                    "list code is the --source name in upper case, or a new program in a publisher's file - gets the",
                    "default mapping: a match is REVIEW in each regime of clearance.lists.unmapped-list-jurisdictions",
                    "(default US,EU,UK,JP). The import warns about each such list code; 'lists show' marks them.",
                    "",
                    "Exit codes: 0 imported or unchanged, 2 unreadable or malformed file, or a file dropping too many entries",
                    "without --allow-shrink (nothing imported), 70 internal error."})
    static class ImportList implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The list file, or for OFAC CSV the folder holding its four files.")
        Path file;

        @Option(names = "--source", required = true, paramLabel = "NAME", description = "Source name, e.g. ofac-sdn, eu-fsf, internal.")
        String source;

        @Option(names = "--format", paramLabel = "FORMAT", description = "The file's format; guessed from the file name when unambiguous.")
        ListFormat format;

        @Option(names = "--allow-shrink", description = "Import even if the file drops more than clearance.lists.max-shrink-share "
                + "(default 20 %%) of the active version's entries.")
        boolean allowShrink;

        @Inject
        ListImportService imports;

        @Inject
        ClearanceConfig config;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                if (!Files.exists(file)) {
                    throw new InvalidListRequestException("no such file or folder");
                }
                ListFormat chosen = format != null ? format : ListReaders.guess(file).orElseThrow(() ->
                        new InvalidListRequestException("cannot tell the format from the file name; give --format"));
                ImportResult result;
                try (ProgressLine progress = ProgressLine.on(err, config.cli().progress())) {
                    result = imports.importFile(source, chosen, file, progress::update, Actor.cliOperator(), allowShrink);
                }
                PrintWriter out = spec.commandLine().getOut();
                ListVersionView v = result.version();
                out.printf("%s: %s %d entries (%s, sha256 %s%s)%n", v.source(),
                        result.changed() ? "imported" : "unchanged, identical to the active version:", v.entryCount(),
                        v.format(), v.sha256().substring(0, 12), v.publishedOn() == null ? "" : ", published " + v.publishedOn());
                out.flush();
                for (UnmappedList unmapped : result.unmappedLists()) {
                    err.println("warning: " + v.source() + ": list code " + unmapped.describe());
                }
                err.flush();
                return ExitCodes.OK;
            } catch (ListFormatException e) {
                // For a folder (OFAC four-file set) name the file inside it that broke.
                Path shown = Files.isDirectory(file) ? file.resolve(e.file()) : file;
                err.println(shown + ": " + e.location() + ": " + e.problem() + " (nothing was imported)");
            } catch (ListShrinkRefusedException e) {
                err.println(file + ": " + e.getMessage());
            } catch (InvalidListRequestException e) {
                err.println(file + ": " + e.getMessage());
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
            }
            err.flush();
            return ExitCodes.INPUT;
        }

    }

    /** Prints every source with its active version, entry count and age. */
    @Command(name = "show", description = "Show each source's active version: format, hash, publication date, entries, age.")
    static class ShowLists implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Inject
        ListCatalog catalog;

        @Inject
        UnmappedLists unmappedLists;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<ListVersionView> versions = catalog.active();
            java.util.Map<String, java.util.Map<String, Long>> codes = catalog.activeListCodes();
            if (versions.isEmpty()) {
                out.println("No lists imported; see 'clearance lists import --help'.");
            } else {
                String row = "%-20s %-22s %-12s %-10s %-20s %8s %-8s %s%n";
                out.printf(row, "SOURCE", "FORMAT", "SHA256", "PUBLISHED", "IMPORTED", "ENTRIES", "AGE", "UNMAPPED");
                java.util.Map<String, List<UnmappedList>> unmapped = new java.util.TreeMap<>();
                for (ListVersionView v : versions) {
                    java.util.Map<String, Long> listCodes = codes.getOrDefault(v.source(), java.util.Map.of());
                    List<UnmappedList> gaps = unmappedLists.of(listCodes.keySet());
                    if (!gaps.isEmpty()) {
                        unmapped.put(v.source(), gaps);
                    }
                    out.printf(row, v.source(), v.format(), v.sha256().substring(0, 12),
                            v.publishedOn() == null ? "-" : v.publishedOn(),
                            v.importedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), v.entryCount(),
                            age(v.ageSeconds()), gaps.isEmpty() ? "-" : "*");
                }
                if (!unmapped.isEmpty()) {
                    out.println();
                    out.println("* list codes the rule pack does not map (data/common/list-sources.csv); a match is REVIEW in "
                            + String.join(", ", unmapped.values().iterator().next().get(0).reviewedIn()) + ":");
                    unmapped.forEach((source, gaps) -> gaps.forEach(gap -> out.printf("  %s: %s (%d entries)%n", source,
                            gap.listCode(), codes.get(source).get(gap.listCode()))));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        static String age(long seconds) {
            Duration d = Duration.ofSeconds(seconds);
            return d.toDays() > 0 ? d.toDays() + "d " + d.toHoursPart() + "h" : d.toHours() + "h " + d.toMinutesPart() + "m";
        }
    }
}
