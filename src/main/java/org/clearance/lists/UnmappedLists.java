package org.clearance.lists;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.clearance.facts.Jurisdiction;
import org.clearance.rules.RulePackRegistry;

/**
 * Which list codes the rule pack does not map to a regime and category ({@code data/common/list-sources.csv}). Their
 * matches are not dropped: the {@code *-LIST-UNMAPPED-01} rules review them in the regimes of
 * {@code clearance.lists.unmapped-list-jurisdictions}; this class lets an import warn and {@code lists show} mark them.
 */
@ApplicationScoped
public class UnmappedLists {

    static final String DATASET = "common/list-sources";
    private static final Path FILE = Path.of("data", "common", "list-sources.csv");

    private final RulePackRegistry registry;
    private final ListsConfig config;

    UnmappedLists(RulePackRegistry registry, ListsConfig config) {
        this.registry = registry;
        this.config = config;
    }

    /** The codes among {@code listCodes} the pack does not map, sorted. */
    public List<UnmappedList> of(Collection<String> listCodes) {
        Set<String> mapped = mappedCodes();
        List<String> reviewedIn = jurisdictions(config.unmappedListJurisdictions());
        return new TreeSet<>(listCodes).stream().filter(code -> !mapped.contains(code))
                .map(code -> new UnmappedList(code, reviewedIn)).toList();
    }

    /** {@code configured} as regime codes, ALL spelt out as the four, in report order. */
    public static List<String> jurisdictions(Collection<Jurisdiction> configured) {
        Set<String> codes = new LinkedHashSet<>();
        for (Jurisdiction reported : Jurisdiction.REPORTED) {
            if (configured.stream().anyMatch(j -> j.covers(reported))) {
                codes.add(reported.name());
            }
        }
        return List.copyOf(codes);
    }

    /**
     * The list codes of the live pack's {@code common/list-sources}; before a pack is loaded (a CLI command that screens
     * nothing), read from the pack folder's file without compiling the rules.
     */
    Set<String> mappedCodes() {
        if (registry.loaded()) {
            return registry.current().dataSets().stream().filter(d -> d.name().equals(DATASET))
                    .flatMap(d -> d.rows().stream()).map(r -> r.key()).collect(java.util.stream.Collectors.toSet());
        }
        return codesIn(registry.folder().resolve(FILE));
    }

    /** First column of each data row: after the {@code #} header lines and the column names. */
    static Set<String> codesIn(Path file) {
        if (!Files.exists(file)) {
            return Set.of();
        }
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).skip(1)
                    .map(line -> line.split(",", 2)[0].strip()).collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
