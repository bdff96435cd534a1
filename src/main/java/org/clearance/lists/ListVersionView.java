package org.clearance.lists;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** A stored version of a source as reports show it, with its age at the time of asking. */
public record ListVersionView(String source, ListFormat format, String sha256, LocalDate publishedOn,
                              Instant importedAt, int entryCount, boolean active, long ageSeconds) {

    public static ListVersionView of(ListImport version, Instant now) {
        return new ListVersionView(version.source, version.format, version.sha256, version.publishedOn,
                version.importedAt, version.entryCount, version.active,
                Math.max(0, Duration.between(ageFrom(version), now).getSeconds()));
    }

    /** Age counts from publication when the file says when it was published, otherwise from the import. */
    static Instant ageFrom(ListImport version) {
        return version.publishedOn != null
                ? version.publishedOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                : version.importedAt;
    }
}
