package org.clearance.packs;

import java.nio.file.Path;

/**
 * A bundle whose signature and every file checked out: its manifest, the folder its pack files were extracted to
 * (null when only checked), and the trusted key that signed it.
 */
public record VerifiedBundle(PackManifest manifest, Path folder, TrustedKeys.TrustedKey signedBy) {
}
