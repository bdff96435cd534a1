package org.clearance.packs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fetches a bundle from a source as {@code packs pull} names it (an https:// URL, or a file) and installs it with
 * {@link PackPull}: shared by the command and by configured subscriptions, so both download, verify and unpack alike.
 * A download goes to a temporary file that is removed afterwards, whatever happened.
 */
public final class BundleFetch {

    private BundleFetch() {
    }

    /**
     * Fetches {@code source} and pulls it into {@code into}, or {@code root/NAME/VERSION} when null.
     *
     * @throws BundleDownloadException the download failed, or {@code source} names no file
     * @throws PackBundleRefusedException the bundle does not verify
     * @throws PackDowngradeException a higher version sits beside the destination
     * @throws PulledFolderConflictException the destination holds other files
     */
    public static PulledPack pull(String source, TrustedKeys keys, Path into, Path root, boolean allowDowngrade,
                                  PackBundleLimits limits) {
        boolean downloaded = BundleDownload.isUrl(source);
        // The whole bundle unpacks to at most max-unpacked-bytes; compressed it is not larger.
        Path bundle = downloaded ? new BundleDownload(limits.maxUnpackedBytes()).download(source) : Path.of(source);
        try {
            if (!Files.isRegularFile(bundle)) {
                throw new BundleDownloadException(source + " does not exist or is not a file");
            }
            return PackPull.pull(bundle, keys, into, root, allowDowngrade, limits);
        } catch (PackBundleRefusedException e) {
            if (!downloaded) {
                throw e;
            }
            // A refusal names the bundle's file: for a download, the URL says more than its temporary file's name.
            throw new PackBundleRefusedException(e.reason().replace(bundle.getFileName().toString(), BundleDownload.shown(source)));
        } finally {
            if (downloaded) {
                deleteQuietly(bundle);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            org.jboss.logging.Logger.getLogger(BundleFetch.class).warnf("could not remove the download %s: %s", file, e);
        }
    }
}
