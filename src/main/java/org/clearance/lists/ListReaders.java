package org.clearance.lists;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.clearance.lists.csl.CslCsvReader;
import org.clearance.lists.csl.CslJsonReader;
import org.clearance.lists.custom.CustomCsvReader;
import org.clearance.lists.dpl.DplReader;
import org.clearance.lists.eu.FsfXmlReader;
import org.clearance.lists.jp.MetiNoticeReader;
import org.clearance.lists.ofac.OfacCsvReader;
import org.clearance.lists.ofac.OfacFileSet;
import org.clearance.lists.uk.UkSanctionsListReader;

/** Maps each {@link ListFormat} to its reader, and guesses a format from a file name where that is unambiguous. */
public final class ListReaders {

    private ListReaders() {
    }

    /**
     * The reader for {@code format}. {@code source} names the list of a custom CSV (entries of the exporter's own
     * list carry it as their list code); every other format names its lists itself.
     */
    public static ListReader forFormat(ListFormat format, String source) {
        return switch (format) {
            case OFAC_SDN_CSV -> new OfacCsvReader(OfacFileSet.SDN);
            case OFAC_CONSOLIDATED_CSV -> new OfacCsvReader(OfacFileSet.CONSOLIDATED);
            case US_CSL_CSV -> new CslCsvReader();
            case US_CSL_JSON -> new CslJsonReader();
            case BIS_DPL_TXT -> new DplReader();
            case EU_FSF_XML -> new FsfXmlReader();
            case UK_SANCTIONS_LIST_CSV -> new UkSanctionsListReader();
            case JP_METI_TEXT -> new MetiNoticeReader();
            case CUSTOM_CSV -> new CustomCsvReader(source.toUpperCase(Locale.ROOT));
        };
    }

    /**
     * The format a file or folder name implies, or empty when it could be several (a generic {@code .csv}).
     * Folders are OFAC four-file sets, told apart by their main file.
     */
    public static Optional<ListFormat> guess(Path path) {
        if (Files.isDirectory(path)) {
            if (Files.exists(path.resolve(OfacFileSet.SDN.mainFile()))) {
                return Optional.of(ListFormat.OFAC_SDN_CSV);
            }
            if (Files.exists(path.resolve(OfacFileSet.CONSOLIDATED.mainFile()))) {
                return Optional.of(ListFormat.OFAC_CONSOLIDATED_CSV);
            }
            return Optional.empty();
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.equals(OfacFileSet.SDN.mainFile())) {
            return Optional.of(ListFormat.OFAC_SDN_CSV);
        }
        if (name.equals(OfacFileSet.CONSOLIDATED.mainFile())) {
            return Optional.of(ListFormat.OFAC_CONSOLIDATED_CSV);
        }
        if (name.endsWith(".xml")) {
            return Optional.of(ListFormat.EU_FSF_XML);
        }
        if (name.endsWith(".json")) {
            return Optional.of(ListFormat.US_CSL_JSON);
        }
        if (name.contains("tokutei") || name.endsWith(".pdf.txt")) {
            return Optional.of(ListFormat.JP_METI_TEXT);
        }
        if (name.startsWith("dpl") && name.endsWith(".txt")) {
            return Optional.of(ListFormat.BIS_DPL_TXT);
        }
        if (name.startsWith("consolidated") && name.endsWith(".csv")) {
            return Optional.of(ListFormat.US_CSL_CSV);
        }
        if (name.startsWith("uk-sanctions-list") || name.startsWith("uk_sanctions_list")) {
            return Optional.of(ListFormat.UK_SANCTIONS_LIST_CSV);
        }
        return Optional.empty();
    }
}
