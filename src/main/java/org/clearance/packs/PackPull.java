package org.clearance.packs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clearance.rules.FileTrees;

/**
 * Installs a bundle for {@code packs pull}: verifies it as {@code packs verify --extract} does (into a private
 * temporary folder), then puts its pack files at {@code ROOT/NAME/VERSION} (or a folder the user names), where pulled
 * versions sit side by side. Refuses a version lower than one beside it, and never overwrites a folder that holds
 * other files; a refused bundle leaves nothing behind.
 */
public final class PackPull {

    private PackPull() {
    }

    /**
     * Verifies {@code bundle} against {@code keys} and unpacks it into {@code into}, or when null into
     * {@code root/NAME/VERSION} from the verified manifest.
     *
     * @throws PackBundleRefusedException the bundle does not verify
     * @throws PackDowngradeException a higher version sits beside the destination and {@code allowDowngrade} is false
     * @throws PulledFolderConflictException the destination exists with other content
     */
    public static PulledPack pull(Path bundle, TrustedKeys keys, Path into, Path root, boolean allowDowngrade,
                                  PackBundleLimits limits) {
        Path temporary = temporaryFolder();
        try {
            VerifiedBundle verified = PackBundles.verify(bundle, keys, temporary.resolve("pack"), limits);
            PackManifest manifest = verified.manifest();
            Path folder = into != null ? into : defaultFolder(root, manifest);
            Path target = folder.toAbsolutePath().normalize();
            if (!allowDowngrade) {
                higherVersionBeside(target, manifest.version()).ifPresent(higher -> {
                    throw new PackDowngradeException(target.getParent() + " holds " + manifest.name() + " " + higher
                            + ", a higher version than the bundle's " + manifest.version() + ": pulling it would be a "
                            + "downgrade (pass --allow-downgrade to go back on purpose)");
                });
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!sameFiles(verified.folder(), target)) {
                    throw new PulledFolderConflictException(folder + " exists and holds other files than " + manifest.name()
                            + " " + manifest.version() + "; it is not overwritten: remove it, or pull --into another folder");
                }
                return new PulledPack(manifest, folder, verified.signedBy(), true);
            }
            install(verified.folder(), target);
            return new PulledPack(manifest, folder, verified.signedBy(), false);
        } finally {
            PackBundles.deleteTree(temporary);
        }
    }

    /**
     * {@code root/NAME/VERSION}. The manifest's name pattern and semantic versions allow no separator, {@code .} or
     * {@code ..}; checked again here, as these folder names come from a download.
     */
    static Path defaultFolder(Path root, PackManifest manifest) {
        String name = manifest.name();
        String version = manifest.version().toString();
        Path folder = root.resolve(name).resolve(version);
        Path base = root.toAbsolutePath().normalize();
        Path resolved = folder.toAbsolutePath().normalize();
        if (!resolved.getParent().getParent().equals(base) || !resolved.getFileName().toString().equals(version)
                || !resolved.getParent().getFileName().toString().equals(name)) {
            throw new PackBundleRefusedException(BundlePath.MANIFEST + ": name '" + BundlePath.printable(name)
                    + "' and version '" + BundlePath.printable(version) + "' do not make a folder name");
        }
        return folder;
    }

    /** The highest version in a folder beside {@code target} named as a semantic version, if it is above {@code version}. */
    static Optional<SemanticVersion> higherVersionBeside(Path target, SemanticVersion version) {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return Optional.empty();
        }
        try (Stream<Path> siblings = Files.list(parent)) {
            return siblings.filter(Files::isDirectory)
                    .map(p -> parsed(p.getFileName().toString()))
                    .flatMap(Optional::stream)
                    .filter(v -> v.compareTo(version) > 0)
                    .max(SemanticVersion::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
    }

    /** The version a pulled folder is named by, if its name is one. */
    static Optional<SemanticVersion> parsed(String name) {
        try {
            return Optional.of(SemanticVersion.parse(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a version folder (a note, a partial unpack)
        }
    }

    /** Both folders hold the same files with the same bytes, and nothing else (a link counts as different). */
    static boolean sameFiles(Path expected, Path actual) {
        if (!Files.isDirectory(actual, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            Map<String, Path> want = files(expected);
            Map<String, Path> have = files(actual);
            if (want == null || have == null || !want.keySet().equals(have.keySet())) {
                return false;
            }
            for (Map.Entry<String, Path> file : want.entrySet()) {
                if (Files.mismatch(file.getValue(), have.get(file.getKey())) != -1) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare " + actual + " with the bundle", e);
        }
    }

    /** Regular files by relative path; null when the folder holds a link or a special file. */
    private static Map<String, Path> files(Path root) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                if (Files.isSymbolicLink(path) || !(Files.isDirectory(path) || Files.isRegularFile(path))) {
                    return null;
                }
                if (Files.isRegularFile(path)) {
                    files.put(root.relativize(path).toString().replace('\\', '/'), path);
                }
            }
        }
        return files;
    }

    /** Copies the verified files beside {@code target} and moves them there in one step: never half a pack. */
    private static void install(Path verified, Path target) {
        Path staging = null;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-partial-");
            FileTrees.copy(verified, staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            staging = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pack to " + target, e);
        } finally {
            PackBundles.deleteTree(staging);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("clearance-pull-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }
}
