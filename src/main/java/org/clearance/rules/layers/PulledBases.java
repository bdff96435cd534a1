package org.clearance.rules.layers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clearance.lists.FileHash;
import org.clearance.packs.ManifestJson;
import org.clearance.packs.PackBundles;
import org.clearance.packs.PackFileDigest;
import org.clearance.packs.PackManifest;
import org.clearance.packs.PackRequirement;
import org.clearance.rules.RulePackProblem;

/**
 * Bases that {@code packs pull} unpacked carry the manifest they were verified with ({@link PackBundles#PULLED_MANIFEST}):
 * their name, version and publisher, and the digest of every file, which must still match.
 */
final class PulledBases {

    private PulledBases() {
    }

    /** The manifest a pulled base was verified with, if it has one. */
    static Optional<PackManifest> manifest(Path base, String label, List<RulePackProblem> problems) {
        Path manifest = base.resolve(PackBundles.PULLED_MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ManifestJson.read(Files.readAllBytes(manifest)));
        } catch (IOException | RuntimeException e) {
            problems.add(new RulePackProblem(PackStack.STACK_FILE, 0, "base " + label + ": its " + PackBundles.PULLED_MANIFEST
                    + " cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** A base that builds on other packs needs each of them, in a version that meets it, below it in the stack. */
    static List<RulePackProblem> unmetRequirements(PackManifest manifest, List<PackManifest> below, String label) {
        List<RulePackProblem> problems = new ArrayList<>();
        for (PackRequirement requirement : manifest.requires()) {
            if (below.stream().noneMatch(m -> requirement.metBy(m.name(), m.version()))) {
                String found = below.stream().filter(m -> m.name().equals(requirement.name()))
                        .map(m -> "; below it is " + m.name() + " " + m.version()).findFirst().orElse("");
                problems.add(new RulePackProblem(PackStack.STACK_FILE, 0, "base " + label + " (" + manifest.name() + " "
                        + manifest.version() + ") builds on " + requirement + ", which is not a base below it" + found));
            }
        }
        return problems;
    }

    /** A pulled base must still hold exactly the files its signed manifest lists. */
    static List<RulePackProblem> differences(PackManifest manifest, Map<String, byte[]> files, String label) {
        List<RulePackProblem> problems = new ArrayList<>();
        Map<String, PackFileDigest> listed = new TreeMap<>();
        manifest.files().forEach(f -> listed.put(f.path().value(), f));
        for (Map.Entry<String, PackFileDigest> entry : listed.entrySet()) {
            byte[] bytes = files.get(entry.getKey());
            if (bytes == null && PackStack.isPackFile(entry.getKey())) {
                problems.add(new RulePackProblem(entry.getKey(), 0, "is missing from base " + label
                        + ", which its signed manifest lists"));
            } else if (bytes != null && !FileHash.sha256(bytes).equals(entry.getValue().sha256())) {
                problems.add(new RulePackProblem(entry.getKey(), 0, "in base " + label
                        + " differs from its signed manifest: it was changed after the pack was pulled"));
            }
        }
        files.keySet().stream().filter(path -> !listed.containsKey(path)).forEach(path -> problems.add(new RulePackProblem(
                path, 0, "in base " + label + " is not in its signed manifest: it was added after the pack was pulled")));
        return problems;
    }
}
