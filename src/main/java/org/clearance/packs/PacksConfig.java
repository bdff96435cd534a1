package org.clearance.packs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Pack bundle limits, under {@code clearance.packs.} (docs/packs.md, "Limits"); read through {@link PackBundleLimits#configured()}. */
@ConfigMapping(prefix = "clearance.packs")
public interface PacksConfig {

    /** Most entries (files and folders) in a pack bundle. */
    @WithDefault(PackBundleLimits.DEFAULT_MAX_ENTRIES)
    int maxEntries();

    /** Most bytes all entries of a bundle unpack to together, counted while decompressing (a .tar.gz: the whole tar stream). */
    @WithDefault(PackBundleLimits.DEFAULT_MAX_UNPACKED_BYTES)
    long maxUnpackedBytes();

    /** Largest manifest.json and .signatures.json, which are read into memory. */
    @WithDefault(PackBundleLimits.DEFAULT_MAX_METADATA_BYTES)
    int maxMetadataBytes();
}
