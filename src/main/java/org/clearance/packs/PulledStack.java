package org.clearance.packs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.clearance.rules.FileTrees;
import org.clearance.rules.layers.PackStack;

/**
 * A pulled bundle is a base layer: its rule tests run with it stacked, as a subscriber would stack it, on the bases it
 * requires (pulled before into the same folder, {@code ROOT/NAME/VERSION}; the highest version that meets each
 * requirement). Its cases judge what its layer decides; a case that expects rules of packs not stacked is skipped.
 */
public final class PulledStack {

    private PulledStack() {
    }

    /**
     * Runs {@code check} on a temporary overlay whose {@code stack.yaml} lists the required bases and then
     * {@code pulled}; the overlay is deleted afterwards.
     *
     * @throws MissingBaseException a required base (or one it requires) is not pulled into {@code root}
     */
    public static <T> T check(Path pulled, PackManifest manifest, Path root, Function<Path, T> check) {
        Map<String, Path> bases = new LinkedHashMap<>();
        collect(manifest, root, bases);
        List<Path> layers = new ArrayList<>(bases.values());
        layers.add(pulled);
        Path overlay = null;
        try {
            overlay = Files.createTempDirectory("clearance-pulled-stack-");
            StringBuilder stack = new StringBuilder("bases:\n");
            for (Path layer : layers) {
                stack.append("  - '").append(layer.toAbsolutePath().normalize().toString().replace("'", "''")).append("'\n");
            }
            Files.writeString(overlay.resolve(PackStack.STACK_FILE), stack, StandardCharsets.UTF_8);
            return check.apply(overlay);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary stack for " + pulled, e);
        } finally {
            FileTrees.deleteQuietly(overlay);
        }
    }

    /** The bases {@code manifest} requires, their own requirements first. */
    private static void collect(PackManifest manifest, Path root, Map<String, Path> bases) {
        for (PackRequirement requirement : manifest.requires()) {
            if (bases.containsKey(requirement.name())) {
                continue;
            }
            Path base = newest(root.resolve(requirement.name()), requirement).orElseThrow(() -> new MissingBaseException(
                    manifest.name() + " " + manifest.version() + " builds on " + requirement + ", which is not pulled into "
                            + root + ": pull it first (clearance packs pull ...), then this one again"));
            PackManifest baseManifest = readManifest(base);
            collect(baseManifest, root, bases);
            bases.put(requirement.name(), base);
        }
    }

    private static Optional<Path> newest(Path folder, PackRequirement requirement) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(folder)) {
            return versions.filter(p -> Files.isRegularFile(p.resolve(PackBundles.PULLED_MANIFEST)))
                    .flatMap(p -> PackPull.parsed(p.getFileName().toString()).filter(v -> requirement.metBy(requirement.name(), v)).map(v -> Map.entry(v, p)).stream())
                    .max(Map.Entry.comparingByKey())
                    .map(Map.Entry::getValue);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** The manifest a pulled folder was verified with. */
    public static PackManifest manifestOf(Path pulled) {
        return readManifest(pulled);
    }

    private static PackManifest readManifest(Path base) {
        try {
            return ManifestJson.read(Files.readAllBytes(base.resolve(PackBundles.PULLED_MANIFEST)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base.resolve(PackBundles.PULLED_MANIFEST), e);
        } catch (IllegalArgumentException e) {
            throw new MissingBaseException(base + " holds an unreadable " + PackBundles.PULLED_MANIFEST + ": " + e.getMessage());
        }
    }
}
