package org.clearance.lists;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Party screening settings, under {@code clearance.lists.} (application.properties or env vars). */
@ConfigMapping(prefix = "clearance.lists")
public interface ListsConfig {

    /** Lowest match score (0..1) that is reported at all, in screening and in search; docs/matching.md §5. */
    @WithDefault("0.80")
    double threshold();

    /** Score (0..1) from which a match on a strong name (primary or strong alias) is "strong"; rules block on those. */
    @WithDefault("0.90")
    double strongScore();

    /** Most list entries reported per order party, best first. */
    @WithDefault("5")
    int matchesPerParty();

    /** Most results GET /api/v1/parties/search returns, whatever limit is asked. */
    @WithDefault("100")
    int maxSearchResults();

    /**
     * Largest share (0..1) of the active version's entries an import may drop; an import dropping more is refused
     * unless confirmed ({@code --allow-shrink}, {@code ?allow_shrink=true}), so that a truncated file cannot gut a list.
     */
    @WithDefault("0.20")
    double maxShrinkShare();

    /**
     * Regimes in which a match on a list the rule pack does not map (no row in {@code data/common/list-sources.csv}:
     * an exporter's own list, a new list of a known publisher) is reviewed, so that no imported list is silently
     * ignored. {@code ALL} stands for the four.
     */
    @WithDefault("US,EU,UK,JP")
    java.util.List<org.clearance.facts.Jurisdiction> unmappedListJurisdictions();

    /**
     * Per source: downloaded on a schedule ({@code clearance.lists.sources.<name>.url/format/every}) and watched by
     * readiness ({@code required}, {@code max-age}).
     */
    Map<String, Source> sources();

    /** One source; without a URL nothing is downloaded. */
    interface Source {
        /** Readiness says {@code degraded} while this source has no active version. */
        @WithDefault("false")
        boolean required();

        /** Readiness says {@code degraded} while the active version is older than this (from publication, else import). */
        Optional<Duration> maxAge();

        /** Where the file is published (single-file formats only). */
        Optional<String> url();

        /** Its format; required when a URL is set. */
        Optional<ListFormat> format();

        /** How often to download it. */
        @WithDefault("24h")
        Duration every();
    }
}
