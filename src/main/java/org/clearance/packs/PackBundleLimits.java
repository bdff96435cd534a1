package org.clearance.packs;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How much a bundle may unpack to, so that a hostile archive (a decompression bomb, millions of tiny entries) is refused
 * before it fills the disk: {@code clearance.packs.max-entries} (archive entries, directories included; default 10000),
 * {@code clearance.packs.max-unpacked-bytes} (all entries together, counted while decompressing, not from the sizes
 * the archive claims; default 268435456, 256 MiB) and {@code clearance.packs.max-metadata-bytes} (manifest.json and
 * .signatures.json each, which are read into memory; default 1048576). The shipped rule pack is about 180 files, 1 MB.
 */
public record PackBundleLimits(int maxEntries, long maxUnpackedBytes, int maxMetadataBytes) {

    static final String DEFAULT_MAX_ENTRIES = "10000";
    static final String DEFAULT_MAX_UNPACKED_BYTES = "268435456";
    static final String DEFAULT_MAX_METADATA_BYTES = "1048576";
    public static final PackBundleLimits DEFAULT = new PackBundleLimits(Integer.parseInt(DEFAULT_MAX_ENTRIES),
            Long.parseLong(DEFAULT_MAX_UNPACKED_BYTES), Integer.parseInt(DEFAULT_MAX_METADATA_BYTES));

    public PackBundleLimits {
        if (maxEntries < 1 || maxUnpackedBytes < 1 || maxMetadataBytes < 1) {
            throw new IllegalArgumentException("pack bundle limits must be positive");
        }
    }

    /** The limits a Quarkus application was configured with. */
    public static PackBundleLimits of(PacksConfig config) {
        return new PackBundleLimits(config.maxEntries(), config.maxUnpackedBytes(), config.maxMetadataBytes());
    }

    /**
     * The configured limits ({@link PacksConfig} declares the keys), or the defaults where nothing is configured or
     * outside Quarkus: read by key so that code outside CDI (tests, tools) gets them too.
     */
    public static PackBundleLimits configured() {
        try {
            var config = ConfigProvider.getConfig();
            return new PackBundleLimits(
                    config.getOptionalValue("clearance.packs.max-entries", Integer.class).orElse(DEFAULT.maxEntries()),
                    config.getOptionalValue("clearance.packs.max-unpacked-bytes", Long.class).orElse(DEFAULT.maxUnpackedBytes()),
                    config.getOptionalValue("clearance.packs.max-metadata-bytes", Integer.class).orElse(DEFAULT.maxMetadataBytes()));
        } catch (IllegalStateException e) {
            return DEFAULT;
        }
    }
}
