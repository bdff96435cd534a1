package org.clearance.packs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.clearance.config.ClearanceVersion;
import org.clearance.rules.layers.PackStack;

/**
 * Verifies pack bundles (docs/packs.md): the archive is checked entry by entry, the manifest's signature by a trusted
 * key, the manifest itself, this Clearance against the pack's minimum version, and every file against the manifest's
 * digests, in that order; the first failure refuses the bundle with a {@link PackBundleRefusedException} whose reason
 * names the file. Extraction writes into a staging folder that becomes the destination only once all of it checked out.
 */
public final class PackBundles {

    private static final int MAX_LISTED_PROBLEMS = 10;

    private PackBundles() {
    }

    /** Verifies {@code bundle} and extracts its pack files into a new temporary folder: a folder RulePackLoader loads. */
    public static VerifiedBundle verify(Path bundle, TrustedKeys keys) {
        Path parent;
        try {
            parent = Files.createTempDirectory("clearance-packs-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create a temporary folder", e);
        }
        try {
            return verify(bundle, keys, parent.resolve("pack"), PackBundleLimits.configured());
        } catch (RuntimeException e) {
            deleteTree(parent);
            throw e;
        }
    }

    /** The verified manifest, as written into a folder a bundle was extracted to (hidden: packs build leaves it out). */
    public static final String PULLED_MANIFEST = ".manifest.json";

    /**
     * Verifies {@code bundle} and extracts its pack files to {@code destination}, which must not exist yet; refused
     * bundles leave nothing behind.
     */
    public static VerifiedBundle verify(Path bundle, TrustedKeys keys, Path destination, PackBundleLimits limits) {
        Path target = destination.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists; verify into a new folder");
        }
        Path staging;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-partial-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create a folder beside " + target, e);
        }
        boolean done = false;
        try {
            VerifiedBundle checked = check(bundle, keys, limits, staging);
            // The verified manifest beside the files: a stack that uses the folder as a base checks them against it.
            Files.write(staging.resolve(PULLED_MANIFEST), ManifestJson.write(checked.manifest()));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return new VerifiedBundle(checked.manifest(), target, checked.signedBy());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot move the verified pack to " + target, e);
        } finally {
            if (!done) {
                deleteTree(staging);
            }
        }
    }

    /** Verifies {@code bundle} without writing anything: {@code packs verify}. */
    public static VerifiedBundle check(Path bundle, TrustedKeys keys, PackBundleLimits limits) {
        return check(bundle, keys, limits, null);
    }

    private static VerifiedBundle check(Path bundle, TrustedKeys keys, PackBundleLimits limits, Path folder) {
        if (!Files.isRegularFile(bundle)) {
            throw new PackBundleRefusedException(bundle + " does not exist or is not a file");
        }
        String name = bundle.getFileName().toString();
        BundleReader.Contents contents = BundleReader.read(bundle, limits, folder);
        if (contents.manifest() == null) {
            throw new PackBundleRefusedException(name + " has no " + BundlePath.MANIFEST + ": it is not a pack bundle");
        }
        if (contents.signatures() == null) {
            throw new PackBundleRefusedException(name + " is unsigned: it has no " + BundlePath.SIGNATURES);
        }
        TrustedKeys.TrustedKey signer = ManifestSignatures.verify(contents.manifest(), contents.signatures(), keys);
        PackManifest manifest = manifest(contents.manifest());
        SemanticVersion running = SemanticVersion.parse(ClearanceVersion.CURRENT);
        if (manifest.minClearanceVersion().compareTo(running) > 0) {
            throw new PackBundleRefusedException(BundlePath.MANIFEST + ": pack " + manifest.name() + " " + manifest.version()
                    + " needs Clearance " + manifest.minClearanceVersion() + " or later; this is Clearance " + running);
        }
        if (manifest.files().stream().anyMatch(f -> f.path().value().equals(PackStack.STACK_FILE))) {
            // Its bases would be whatever folders stack.yaml names on the machine that unpacks it.
            throw new PackBundleRefusedException(name + " holds " + PackStack.STACK_FILE + ": a bundle carries a pack, "
                    + "not an overlay on folders of the machine it is unpacked on");
        }
        List<String> problems = fileProblems(manifest, contents.files());
        if (!problems.isEmpty()) {
            int more = problems.size() - MAX_LISTED_PROBLEMS;
            throw new PackBundleRefusedException(name + " does not match its signed manifest: "
                    + String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_LISTED_PROBLEMS)))
                    + (more > 0 ? "; and " + more + " more" : ""));
        }
        return new VerifiedBundle(manifest, folder, signer);
    }

    /** The manifest and signature key ids of {@code bundle}, unverified, for a look before trusting it. */
    public static Inspected inspect(Path bundle, PackBundleLimits limits) {
        BundleReader.Contents contents = BundleReader.read(bundle, limits, null);
        if (contents.manifest() == null) {
            throw new PackBundleRefusedException(bundle.getFileName() + " has no " + BundlePath.MANIFEST + ": it is not a pack bundle");
        }
        return new Inspected(contents.manifest(), contents.signatures() == null ? List.of()
                : ManifestSignatures.keyIds(contents.signatures()));
    }

    /** manifest.json as stored, and the algorithm and key id of each signature. */
    public record Inspected(byte[] manifestJson, List<String> signatures) {
    }

    private static PackManifest manifest(byte[] json) {
        try {
            return ManifestJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new PackBundleRefusedException(BundlePath.MANIFEST + " " + e.getMessage());
        }
    }

    /** Every file the manifest lists but the bundle lacks or holds different, and every file it holds but is not listed. */
    private static List<String> fileProblems(PackManifest manifest, Map<BundlePath, PackFileDigest> actual) {
        List<String> problems = new ArrayList<>();
        Map<BundlePath, PackFileDigest> manifestFiles = new HashMap<>();
        manifest.files().forEach(f -> manifestFiles.put(f.path(), f));
        TreeSet<BundlePath> paths = new TreeSet<>(actual.keySet());
        paths.addAll(manifestFiles.keySet());
        for (BundlePath path : paths) {
            PackFileDigest listed = manifestFiles.get(path);
            PackFileDigest found = actual.get(path);
            if (listed == null) {
                problems.add(path + " is in the bundle but not in the manifest (a file was added)");
            } else if (found == null) {
                problems.add(path + " is in the manifest but not in the bundle (a file was removed)");
            } else if (!listed.sha256().equals(found.sha256()) || listed.size() != found.size()) {
                problems.add(path + " has SHA-256 " + found.sha256() + " (" + found.size() + " bytes), the manifest says "
                        + listed.sha256() + " (" + listed.size() + " bytes): the file was changed");
            }
        }
        return problems;
    }

    /** Deletes a folder this class created, without following links (it never writes any). */
    static void deleteTree(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            org.jboss.logging.Logger.getLogger(PackBundles.class).warnf("could not remove the refused bundle's files in %s: %s", folder, e);
        }
    }
}
