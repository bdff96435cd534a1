package org.clearance.packs.subscriptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.clearance.packs.BundleDownloadException;
import org.clearance.packs.ManifestJson;
import org.clearance.packs.PackBundleLimits;
import org.clearance.packs.PackBundles;
import org.clearance.packs.SemanticVersion;

/**
 * The bundle with the highest manifest version in a folder a publisher (or a mirror job) drops bundles into. The
 * manifests are read unverified, only to choose: the chosen bundle is then verified in full like any other, so a forged
 * file with a high version is refused rather than taken.
 */
final class NewestBundle {

    private NewestBundle() {
    }

    /** The newest bundle in {@code folder}; a {@link BundleDownloadException} when it holds none. */
    static Path in(Path folder, PackBundleLimits limits) {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).filter(NewestBundle::isBundleName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        record Candidate(Path file, SemanticVersion version) {
        }
        return files.stream()
                .map(file -> version(file, limits).map(v -> new Candidate(file, v)))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(Candidate::version, SemanticVersion::compareTo))
                .map(Candidate::file)
                .orElseThrow(() -> new BundleDownloadException(folder + " holds no pack bundle (a .tar.gz or .zip file "
                        + "with a manifest.json)"));
    }

    private static boolean isBundleName(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && (name.endsWith(".tar.gz") || name.endsWith(".zip"));
    }

    private static Optional<SemanticVersion> version(Path file, PackBundleLimits limits) {
        try {
            return Optional.of(ManifestJson.read(PackBundles.inspect(file, limits).manifestJson()).version());
        } catch (RuntimeException e) {
            return Optional.empty(); // not a bundle, or a damaged one: never the newest
        }
    }
}
