package org.clearance.lists;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.clearance.security.Actor;

/**
 * Imports one uploaded list file, as the API and the console receive it. Only single-file formats: OFAC's four-file
 * CSV sets are imported with {@code clearance lists import DIR}.
 */
@ApplicationScoped
public class ListUploads {

    private final ListImportService imports;

    ListUploads(ListImportService imports) {
        this.imports = imports;
    }

    /** The formats an upload may have. */
    public static List<ListFormat> singleFileFormats() {
        return Arrays.stream(ListFormat.values())
                .filter(f -> f != ListFormat.OFAC_SDN_CSV && f != ListFormat.OFAC_CONSOLIDATED_CSV).toList();
    }

    /**
     * Imports {@code body} as the new version of {@code source}; an {@link InvalidListRequestException},
     * {@link ListFormatException} or {@link ListShrinkRefusedException} says why not, with nothing changed.
     */
    public ImportResult importUpload(String source, String format, boolean allowShrink, InputStream body, Actor actor)
            throws IOException {
        String name = SourceName.require(source);
        ListFormat listFormat = parse(format);
        // The file name keeps the format's own naming, because some readers report it in their errors.
        Path dir = Files.createTempDirectory("clearance-upload");
        Path file = dir.resolve("upload-" + name + extension(listFormat));
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return imports.importFile(name, listFormat, file, ImportProgress.NONE, actor, allowShrink);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static ListFormat parse(String format) {
        if (format == null || format.isBlank()) {
            throw new InvalidListRequestException("query parameter 'format' is required, one of " + singleFileFormats());
        }
        ListFormat parsed;
        try {
            parsed = ListFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidListRequestException("unknown format '" + format + "', expected one of " + singleFileFormats());
        }
        if (parsed == ListFormat.OFAC_SDN_CSV || parsed == ListFormat.OFAC_CONSOLIDATED_CSV) {
            throw new InvalidListRequestException(parsed + " is a set of four files: import it with "
                    + "'clearance lists import DIR --source NAME', or upload the Consolidated Screening List (US_CSL_CSV), "
                    + "which includes the SDN list");
        }
        return parsed;
    }

    private static String extension(ListFormat format) {
        return switch (format) {
            case EU_FSF_XML -> ".xml";
            case US_CSL_JSON -> ".json";
            case BIS_DPL_TXT, JP_METI_TEXT -> ".txt";
            default -> ".csv";
        };
    }
}
