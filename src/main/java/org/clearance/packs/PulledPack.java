package org.clearance.packs;

import java.nio.file.Path;

/**
 * A bundle {@code packs pull} verified and unpacked: its manifest, the folder that holds its pack files, the trusted
 * key that signed it, and whether that folder held exactly these files already (then nothing was written).
 */
public record PulledPack(PackManifest manifest, Path folder, TrustedKeys.TrustedKey signedBy, boolean alreadyPulled) {
}
