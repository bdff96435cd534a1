package org.clearance.packs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clearance.config.ClearanceVersion;
import org.clearance.rules.layers.PackStack;

/**
 * Builds a signed bundle from a pack folder: every regular file under it, except hidden files and folders (a name
 * starting with {@code .}), office lock files ({@code ~$…}), the {@code pack.json} template and the
 * {@code bundles.yaml} split (both describe bundles, not rules); a symbolic link is
 * refused rather than followed. Data files under {@code data/} with {@code # source:} and {@code # version:} header
 * lines are described in the manifest.
 */
public final class PackBuilder {

    private static final String DATA_DIR = "data/";

    private PackBuilder() {
    }

    /** Builds, signs and writes the bundle to {@code output}; returns its manifest. */
    public static PackManifest build(Path folder, PackDescription description, SigningKey key, Path output) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new PackBuildException(folder + " is not a folder");
        }
        if (PackStack.isStack(root)) {
            throw new PackBuildException(folder + " is an overlay (it has " + PackStack.STACK_FILE + "): publish its "
                    + "bases and its own rules as packs; a bundle never names folders of the machine it is unpacked on");
        }
        if (output.toAbsolutePath().normalize().startsWith(root)) {
            throw new PackBuildException("write the bundle outside the pack folder " + folder
                    + ", or the next build would bundle this one");
        }
        try {
            return write(packFiles(root), description, key, output);
        } catch (IOException e) {
            throw new PackBuildException("cannot build the bundle: " + e);
        }
    }

    /** Digests, describes, signs and writes {@code files} (by their path in the bundle) as one bundle. */
    static PackManifest write(Map<BundlePath, Path> files, PackDescription description, SigningKey key, Path output) {
        try {
            List<PackFileDigest> digests = new ArrayList<>();
            List<DataSource> data = new ArrayList<>();
            for (Map.Entry<BundlePath, Path> file : files.entrySet()) {
                digests.add(digest(file.getKey(), file.getValue()));
                DataSource source = dataSource(file.getKey(), file.getValue());
                if (source != null) {
                    data.add(source);
                }
            }
            PackManifest manifest = manifest(description, data, digests);
            byte[] manifestJson = ManifestJson.write(manifest);
            Map<String, byte[]> metadata = new LinkedHashMap<>();
            metadata.put(BundlePath.MANIFEST, manifestJson);
            metadata.put(BundlePath.SIGNATURES, ManifestSignatures.sign(manifestJson, key));
            BundleWriter.write(output, metadata, files);
            return manifest;
        } catch (IOException e) {
            throw new PackBuildException("cannot build the bundle: " + e);
        }
    }

    private static PackManifest manifest(PackDescription d, List<DataSource> data, List<PackFileDigest> digests) {
        List<String> missing = new ArrayList<>();
        if (d.name() == null) {
            missing.add("name (--name)");
        }
        if (d.version() == null) {
            missing.add("version (--pack-version)");
        }
        if (d.publisher() == null) {
            missing.add("publisher (--publisher)");
        }
        if (d.jurisdictions() == null) {
            missing.add("jurisdictions (--jurisdiction)");
        }
        if (!missing.isEmpty()) {
            throw new PackBuildException("the pack needs " + String.join(", ", missing) + ": give them as options or in "
                    + PackDescription.FILE + " in the pack's folder");
        }
        try {
            List<PackRequirement> requires = d.requires() == null ? List.of()
                    : d.requires().stream().map(PackRequirement::parse).toList();
            return new PackManifest(PackManifest.FORMAT, d.name(), SemanticVersion.parse(d.version()), d.publisher(),
                    d.jurisdictions(), SemanticVersion.parse(d.minClearanceVersion() == null ? ClearanceVersion.CURRENT
                    : d.minClearanceVersion()), data, digests, requires);
        } catch (IllegalArgumentException e) {
            throw new PackBuildException(e.getMessage());
        }
    }

    /** The files to bundle, by their path in the bundle, sorted. */
    static Map<BundlePath, Path> packFiles(Path root) throws IOException {
        Map<BundlePath, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.isEmpty() || skipped(relative)) {
                    continue;
                }
                if (Files.isSymbolicLink(file)) {
                    throw new PackBuildException(relative + " is a symbolic link; bundles hold only files: copy what it points to");
                }
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new PackBuildException(relative + " is not a regular file");
                }
                BundlePath path;
                try {
                    path = new BundlePath(relative);
                } catch (IllegalArgumentException e) {
                    throw new PackBuildException("cannot bundle " + e.getMessage());
                }
                if (path.reserved()) {
                    throw new PackBuildException(relative + " is the name of the bundle's own manifest; rename the file");
                }
                files.put(path, file);
            }
        }
        if (files.isEmpty()) {
            throw new PackBuildException(root + " holds no files to bundle");
        }
        return files;
    }

    private static boolean skipped(String relative) {
        if (relative.equals(PackDescription.FILE) || relative.equals(PackSplit.FILE)) {
            return true;
        }
        for (String segment : relative.split("/")) {
            if (segment.startsWith(".") || segment.startsWith("~$")) {
                return true;
            }
        }
        return false;
    }

    private static PackFileDigest digest(BundlePath path, Path file) throws IOException {
        MessageDigest sha256 = BundleReader.sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            size = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new PackFileDigest(path, size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** The source and version a data CSV declares in its header lines (rules/README.md), or null. */
    private static DataSource dataSource(BundlePath path, Path file) throws IOException {
        if (!path.value().startsWith(DATA_DIR) || !path.value().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return null;
        }
        String source = null;
        String version = null;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = lines.readLine()) != null && line.startsWith("#"); ) {
                String comment = line.substring(1).strip();
                String lower = comment.toLowerCase(Locale.ROOT);
                if (lower.startsWith("source:")) {
                    source = comment.substring("source:".length()).strip();
                } else if (lower.startsWith("version:")) {
                    version = comment.substring("version:".length()).strip();
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            return null; // not text: the rule pack's own checks say so
        }
        if (source == null || version == null || source.isEmpty() || version.isEmpty()) {
            return null;
        }
        try {
            return new DataSource(path, source, version);
        } catch (IllegalArgumentException e) {
            return null; // a header too long to describe; the file is still bundled and digested
        }
    }
}
