package org.clearance.packs;

import java.util.regex.Pattern;

/** One pack file as the manifest lists it: its path in the bundle, its size and its SHA-256 (FIPS 180-4), lower-case hex. */
public record PackFileDigest(BundlePath path, long size, String sha256) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public PackFileDigest {
        if (path == null) {
            throw new IllegalArgumentException("a file needs a path");
        }
        if (path.reserved()) {
            throw new IllegalArgumentException("'" + path + "' is the bundle's own metadata, not a pack file");
        }
        if (size < 0) {
            throw new IllegalArgumentException(path + ": size must not be negative");
        }
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException(path + ": sha256 must be 64 lower-case hex digits");
        }
    }
}
