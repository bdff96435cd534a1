package org.clearance.packs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bundle's {@code manifest.json} (docs/packs.md): what the pack is, who publishes it, what it covers, which Clearance
 * it needs, where its data comes from, the size and SHA-256 of every file, and the base packs it builds on. The
 * publisher signs the manifest's bytes, so the signature covers every file through these digests.
 */
public record PackManifest(int format, String name, SemanticVersion version, String publisher, List<String> jurisdictions,
                           SemanticVersion minClearanceVersion, List<DataSource> data, List<PackFileDigest> files,
                           List<PackRequirement> requires) {

    /** The manifest format this Clearance writes and reads. */
    public static final int FORMAT = 1;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** The codes rules use in {@code @jurisdiction}: US, EU, UK, JP, ALL, … */
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2,8}");

    public PackManifest {
        if (format != FORMAT) {
            throw new IllegalArgumentException("format " + format + " is not supported (this Clearance reads format " + FORMAT + ")");
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name '" + BundlePath.printable(name) + "' must be 1 to 64 lower-case letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (version == null) {
            throw new IllegalArgumentException("a version is required");
        }
        publisher = text("publisher", publisher, 200);
        if (jurisdictions == null || jurisdictions.isEmpty()) {
            throw new IllegalArgumentException("at least one jurisdiction is required (e.g. EU)");
        }
        for (String jurisdiction : jurisdictions) {
            if (jurisdiction == null || !JURISDICTION.matcher(jurisdiction).matches()) {
                throw new IllegalArgumentException("jurisdiction '" + BundlePath.printable(jurisdiction)
                        + "' must be an upper-case code as rules use in @jurisdiction (US, EU, UK, JP, ALL)");
            }
        }
        if (new HashSet<>(jurisdictions).size() < jurisdictions.size()) {
            throw new IllegalArgumentException("jurisdictions are listed twice: " + jurisdictions);
        }
        jurisdictions = List.copyOf(jurisdictions);
        if (minClearanceVersion == null) {
            throw new IllegalArgumentException("a minimum Clearance version is required");
        }
        files = sortedUnique(files);
        requires = requires == null ? List.of() : List.copyOf(requires);
        Set<String> required = new HashSet<>();
        for (PackRequirement requirement : requires) {
            if (!NAME.matcher(requirement.name()).matches()) {
                throw new IllegalArgumentException("required pack '" + BundlePath.printable(requirement.name())
                        + "' is not a pack name");
            }
            if (requirement.name().equals(name) || !required.add(requirement.name())) {
                throw new IllegalArgumentException("required pack " + requirement.name() + " is the pack itself or listed twice");
            }
        }
        data = data == null ? List.of() : data.stream().sorted(Comparator.comparing(DataSource::file)).toList();
        Set<BundlePath> listed = new HashSet<>(files.stream().map(PackFileDigest::path).toList());
        Set<BundlePath> described = new HashSet<>();
        for (DataSource source : data) {
            if (!listed.contains(source.file())) {
                throw new IllegalArgumentException("data source " + source.file() + " is not one of the files");
            }
            if (!described.add(source.file())) {
                throw new IllegalArgumentException("data source " + source.file() + " is described twice");
            }
        }
    }

    /** The files sorted by path; two paths that differ only in case would overwrite each other on some systems. */
    private static List<PackFileDigest> sortedUnique(List<PackFileDigest> files) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("a pack needs at least one file");
        }
        Map<String, BundlePath> seen = new HashMap<>();
        List<PackFileDigest> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(PackFileDigest::path));
        for (PackFileDigest file : sorted) {
            BundlePath before = seen.putIfAbsent(file.path().collisionKey(), file.path());
            if (before != null) {
                throw new IllegalArgumentException("files " + before + " and " + file.path() + " have the same path"
                        + (before.equals(file.path()) ? "" : " on a case-insensitive file system"));
            }
        }
        return List.copyOf(sorted);
    }

    /** A required one-line text of at most {@code max} characters. */
    static String text(String what, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be one line of at most " + max + " characters");
        }
        return value.strip();
    }
}
