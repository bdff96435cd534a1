package org.clearance.rules.diff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.clearance.rules.FileTrees;

/**
 * The base rule pack of {@code rules diff}: a folder as given, or the rules folder as it was at a git
 * ref, extracted with {@code git archive} into a temporary folder that {@link #close()} deletes.
 */
public final class BaseCheckout implements AutoCloseable {

    private final Path directory;
    private final Path temporary;
    private final String label;

    private BaseCheckout(Path directory, Path temporary, String label) {
        this.directory = directory;
        this.temporary = temporary;
        this.label = label;
    }

    /** The rules folder to compile. */
    public Path directory() {
        return directory;
    }

    /** What the base is, for reports: the folder, or {@code ref:path}. */
    public String label() {
        return label;
    }

    /**
     * Resolves {@code base}: an existing folder is used as it is; anything else is a git ref of the
     * repository that holds {@code headRules}, from which the same folder is extracted.
     */
    public static BaseCheckout resolve(String base, Path headRules) {
        Path folder = Path.of(base);
        if (Files.isDirectory(folder)) {
            return new BaseCheckout(folder, null, base);
        }
        Path head = headRules.toAbsolutePath().normalize();
        if (!Files.isDirectory(head)) {
            throw new BasePackException("--base " + base + ": no such folder, and the rules folder " + headRules
                    + " does not exist to find a git repository from");
        }
        Git git = new Git(head);
        Git.Result top = git.run("rev-parse", "--show-toplevel");
        if (top.exit() != 0) {
            throw new BasePackException("--base " + base + ": no such folder, and " + headRules
                    + " is not in a git repository, so it cannot be a git ref either");
        }
        Path root = Path.of(top.text().strip()).toAbsolutePath().normalize();
        String prefix = root.relativize(toRealPath(head)).toString().replace('\\', '/');
        if (git.run("rev-parse", "--verify", "--quiet", base + "^{commit}").exit() != 0) {
            throw new BasePackException("--base " + base + ": no such folder, and no such commit, branch or tag in " + root);
        }
        String tree = prefix.isEmpty() ? base : base + ":" + prefix;
        if (git.run("cat-file", "-e", tree).exit() != 0) {
            throw new BasePackException("--base " + base + ": the commit has no folder " + prefix + "/");
        }
        try {
            Path temp = Files.createTempDirectory("clearance-base-");
            Git.Result archive = new Git(root).runBytes("archive", "--format=zip", base + "^{tree}", "--", prefix.isEmpty() ? "." : prefix);
            if (archive.exit() != 0) {
                delete(temp);
                throw new BasePackException("--base " + base + ": git archive failed: " + archive.error().strip());
            }
            unzip(archive.bytes(), temp);
            return new BaseCheckout(prefix.isEmpty() ? temp : temp.resolve(prefix), temp, base + ":" + prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + tree, e);
        }
    }

    private static Path toRealPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private static void unzip(byte[] zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
            }
        }
    }

    @Override
    public void close() {
        if (temporary != null) {
            delete(temporary);
        }
    }

    private static void delete(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the OS cleans its temp folder.
        }
    }

    /** Runs git in one folder, capturing its output; no shell is involved. */
    private record Git(Path directory) {

        record Result(int exit, byte[] bytes, String error) {
            String text() {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }

        Result run(String... args) {
            return runBytes(args);
        }

        Result runBytes(String... args) {
            List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
            command.addAll(List.of(args));
            try {
                Process process = new ProcessBuilder(command).start();
                process.getOutputStream().close();
                ByteArrayOutputStream error = new ByteArrayOutputStream();
                Thread errors = new Thread(() -> copy(process.getErrorStream(), error));
                errors.start();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new BasePackException("git " + String.join(" ", args) + " did not finish in 60 s");
                }
                errors.join();
                return new Result(process.exitValue(), out, error.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new BasePackException("cannot run git (is it installed?): " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BasePackException("interrupted while running git");
            }
        }

        private static void copy(InputStream in, ByteArrayOutputStream out) {
            try {
                in.transferTo(out);
            } catch (IOException e) {
                // stderr is only used in messages
            }
        }
    }
}
