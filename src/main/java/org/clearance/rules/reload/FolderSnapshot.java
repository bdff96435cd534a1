package org.clearance.rules.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clearance.rules.FileTrees;
import org.clearance.rules.RulePackInvalidException;
import org.clearance.rules.RulePackProblem;
import org.clearance.rules.layers.PackStack;

/**
 * A rules folder read once into a private copy and checked there. The pack that passes is compiled from the copy and
 * stored from it, so a file saved in the folder after the check cannot make the stored content differ from the
 * checked hash. Closing deletes the copy unless {@link #keep} handed it to the live pack, which reads its files later
 * (rule catalogue, diffs).
 */
public final class FolderSnapshot implements AutoCloseable {

    private final Path folder;
    /** Null when the folder could not be copied (missing, unreadable): the check then says why. */
    private final Path copy;
    private final PackCheck check;
    private boolean kept;

    private FolderSnapshot(Path folder, Path copy, PackCheck check) {
        this.folder = folder;
        this.copy = copy;
        this.check = check;
    }

    /** Copies {@code folder} and checks the copy as a reload does; {@code budget} bounds the rule tests. */
    public static FolderSnapshot check(Path folder, Duration budget) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return new FolderSnapshot(root, null, RulePackChecker.check(folder, budget)); // it says the folder is missing
        }
        Path source;
        try {
            source = PackStack.resolve(root); // an overlay is checked as the pack its layers compose to
        } catch (RulePackInvalidException e) {
            return new FolderSnapshot(root, null, new PackCheck(null, null, null, List.copyOf(e.problems()), null, 0, 0, false));
        } catch (UncheckedIOException e) {
            return new FolderSnapshot(root, null, new PackCheck(null, null, null,
                    List.of(new RulePackProblem(".", 0, "the pack cannot be read")), null, 0, 0, false));
        }
        Path copy = null;
        try {
            copy = Files.createTempDirectory("clearance-checked-pack-");
            FileTrees.copy(source, copy);
        } catch (IOException | UncheckedIOException e) {
            FileTrees.deleteQuietly(copy);
            // A file removed while it was copied, or unreadable: nothing consistent to check.
            return new FolderSnapshot(root, null, new PackCheck(null, null, null,
                    List.of(new RulePackProblem(".", 0, "the pack cannot be read")), null, 0, 0, false));
        }
        return new FolderSnapshot(root, copy, inFolderTerms(RulePackChecker.check(copy, budget), copy, root));
    }

    /** The folder that was copied, absolute: what activations record as the pack's directory. */
    public Path folder() {
        return folder;
    }

    /** What the check found; its pack was compiled from the copy. */
    public PackCheck check() {
        return check;
    }

    /** The folder the check read: the copy, or the folder itself when it could not be copied. */
    public Path checked() {
        return copy != null ? copy : folder;
    }

    /** Hands the copy to the caller, who deletes it once its pack is no longer live; null when there is none. */
    public Path keep() {
        kept = true;
        return copy;
    }

    @Override
    public void close() {
        if (!kept) {
            FileTrees.deleteQuietly(copy);
        }
    }

    /** Problems name the folder the author knows, never the private copy. */
    private static PackCheck inFolderTerms(PackCheck check, Path copy, Path folder) {
        String copied = copy.toString();
        if (check.problems().stream().noneMatch(p -> p.file().startsWith(copied))) {
            return check;
        }
        List<RulePackProblem> problems = check.problems().stream()
                .map(p -> p.file().startsWith(copied)
                        ? new RulePackProblem(folder + p.file().substring(copied.length()), p.line(), p.message()) : p)
                .toList();
        return new PackCheck(check.pack(), check.rulePack(), check.rules(), problems, check.tests(),
                check.compileMillis(), check.testMillis(), check.refusedCode());
    }
}
