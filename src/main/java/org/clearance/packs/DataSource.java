package org.clearance.packs;

/**
 * Where a pack's reference data file comes from and which version or date of it the pack holds: the file's
 * {@code # source:} and {@code # version:} header lines (rules/README.md), copied into the manifest so that a
 * subscriber sees the data's age before installing the pack.
 */
public record DataSource(BundlePath file, String source, String version) {

    public DataSource {
        if (file == null) {
            throw new IllegalArgumentException("a data source needs a file");
        }
        source = PackManifest.text("data source of " + file, source, 2000);
        version = PackManifest.text("data version of " + file, version, 2000);
    }
}
