package org.clearance.packs;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a bundle archive ({@code .tar.gz} or {@code .zip}, told apart by their first bytes) once, checking every entry
 * before its bytes go anywhere: only regular files and directories (no links, devices or sparse files), paths that
 * stay inside the folder ({@link BundlePath}), no path twice (nor twice in different case), and the
 * {@link PackBundleLimits} counted on the decompressed bytes. Pack files are hashed and, when a folder is given,
 * written into it; manifest.json and .signatures.json are kept in memory.
 */
final class BundleReader {

    /** What a bundle holds: its metadata files (null when absent) and the digest of every other file. */
    record Contents(byte[] manifest, byte[] signatures, Map<BundlePath, PackFileDigest> files) {
    }

    private final String bundleName;
    private final PackBundleLimits limits;
    private final Path folder;
    private final Map<String, BundlePath> filesByKey = new HashMap<>();
    private final Set<String> directoryKeys = new HashSet<>();
    private final Map<BundlePath, PackFileDigest> files = new TreeMap<>();
    private byte[] manifest;
    private byte[] signatures;
    private int entries;
    private long unpacked;

    private BundleReader(String bundleName, PackBundleLimits limits, Path folder) {
        this.bundleName = bundleName;
        this.limits = limits;
        this.folder = folder;
    }

    /** Reads {@code bundle}, writing its pack files under {@code folder} (an existing empty folder) unless it is null. */
    static Contents read(Path bundle, PackBundleLimits limits, Path folder) {
        BundleReader reader = new BundleReader(bundle.getFileName().toString(), limits, folder);
        try {
            byte[] magic = new byte[4];
            int read;
            try (InputStream in = Files.newInputStream(bundle)) {
                read = in.readNBytes(magic, 0, 4);
            }
            if (read >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                reader.readTarGz(bundle);
            } else if (read == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5)) {
                reader.readZip(bundle);
            } else {
                throw reader.refused("is neither a .tar.gz nor a .zip archive");
            }
        } catch (PackBundleRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A hostile or damaged archive makes the decompressors fail in many ways; all of them mean the same.
            throw reader.refused("is a damaged archive: " + describe(e));
        }
        return new Contents(reader.manifest, reader.signatures, Map.copyOf(reader.files));
    }

    private void readTarGz(Path bundle) throws IOException {
        // Counted below the tar reader, so that the bytes it skips (a folder entry claiming gigabytes) count too.
        try (InputStream file = new BufferedInputStream(Files.newInputStream(bundle));
             InputStream gzip = new Counted(new GzipCompressorInputStream(file));
             TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String kind = tarKind(entry);
                if (kind == null) {
                    entry(entry.getName(), true, tar);
                } else if (kind.isEmpty()) {
                    entry(entry.getName(), false, null);
                } else {
                    throw refused("holds " + kind + " '" + BundlePath.printable(entry.getName()) + "'; a bundle may hold only files and folders");
                }
            }
            // Read the gzip stream to its end, so its CRC is checked and nothing hides after the tar's end marker.
            gzip.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** null for a regular file, "" for a directory, else what the entry is. */
    private static String tarKind(TarArchiveEntry entry) {
        if (entry.isDirectory()) {
            return "";
        }
        byte type = entry.getLinkFlag();
        if ((type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM) && !entry.isSparse()) {
            return null;
        }
        if (entry.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (entry.isLink()) {
            return "a hard link";
        }
        return "a special entry (tar type '" + BundlePath.printable(String.valueOf((char) type)) + "')";
    }

    private void readZip(Path bundle) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
            Enumeration<ZipArchiveEntry> all = zip.getEntries();
            while (all.hasMoreElements()) {
                ZipArchiveEntry entry = all.nextElement();
                if (entry.isUnixSymlink()) {
                    throw refused("holds a symbolic link '" + BundlePath.printable(entry.getName()) + "'; a bundle may hold only files and folders");
                }
                if (entry.isDirectory()) {
                    entry(entry.getName(), false, null);
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    throw refused("holds '" + BundlePath.printable(entry.getName()) + "' encrypted or compressed with an unsupported method");
                }
                try (InputStream data = new Counted(zip.getInputStream(entry))) {
                    entry(entry.getName(), true, data);
                }
            }
        }
    }

    private void entry(String rawName, boolean file, InputStream data) throws IOException {
        if (++entries > limits.maxEntries()) {
            throw refused("holds more than " + limits.maxEntries() + " entries (clearance.packs.max-entries)");
        }
        String name = rawName.startsWith("./") ? rawName.substring(2) : rawName; // tar -C DIR . writes ./ before each name
        if (!file && name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!file && (name.isEmpty() || name.equals("."))) {
            return; // the archive's root folder
        }
        BundlePath path;
        try {
            path = new BundlePath(name);
        } catch (IllegalArgumentException e) {
            throw refused("holds an entry whose path " + e.getMessage());
        }
        claim(path, file);
        if (!file) {
            return;
        }
        if (path.reserved()) {
            byte[] bytes = readMetadata(path, data);
            if (path.value().equals(BundlePath.MANIFEST)) {
                manifest = bytes;
            } else {
                signatures = bytes;
            }
        } else {
            files.put(path, copy(path, data));
        }
    }

    /** Refuses a path seen before, also in other case, and a file where a folder is (or the other way round). */
    private void claim(BundlePath path, boolean file) {
        String key = path.collisionKey();
        if (!file) {
            if (filesByKey.containsKey(key)) {
                throw refused("holds '" + path + "' as both a file and a folder");
            }
            directoryKeys.add(key);
            return;
        }
        BundlePath before = filesByKey.putIfAbsent(key, path);
        if (before != null) {
            throw refused(before.equals(path) ? "holds '" + path + "' twice"
                    : "holds '" + before + "' and '" + path + "', which are one file on a case-insensitive file system");
        }
        if (directoryKeys.contains(key)) {
            throw refused("holds '" + path + "' as both a file and a folder");
        }
        for (int slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) {
            String parent = key.substring(0, slash);
            if (filesByKey.containsKey(parent)) {
                throw refused("holds '" + path + "' inside '" + filesByKey.get(parent) + "', which is a file");
            }
            directoryKeys.add(parent);
        }
    }

    private byte[] readMetadata(BundlePath path, InputStream data) throws IOException {
        byte[] bytes = data.readNBytes(limits.maxMetadataBytes() + 1);
        if (bytes.length > limits.maxMetadataBytes()) {
            throw refused("holds a " + path + " larger than " + limits.maxMetadataBytes() + " bytes (clearance.packs.max-metadata-bytes)");
        }
        return bytes;
    }

    private PackFileDigest copy(BundlePath path, InputStream data) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        OutputStream out = OutputStream.nullOutputStream();
        if (folder != null) {
            Path target = folder.resolve(path.value()).normalize();
            if (!target.startsWith(folder)) {
                throw refused("holds an entry '" + path + "' that would land outside the folder"); // BundlePath already prevents it
            }
            Files.createDirectories(target.getParent());
            try {
                out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                throw refused("holds '" + path + "', which collides with another entry on this file system");
            }
        }
        try (OutputStream sink = out) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = data.read(buffer)) > 0; ) {
                size += n;
                sha256.update(buffer, 0, n);
                sink.write(buffer, 0, n);
            }
        }
        return new PackFileDigest(path, size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Counts every decompressed byte read or skipped through it against the unpacked-size limit. */
    private final class Counted extends FilterInputStream {

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(Math.max(skipped, 0));
            return skipped;
        }
    }

    private void count(long bytes) {
        unpacked += bytes;
        if (unpacked > limits.maxUnpackedBytes()) {
            throw refused("unpacks to more than " + limits.maxUnpackedBytes()
                    + " bytes (clearance.packs.max-unpacked-bytes): refused as a possible decompression bomb");
        }
    }

    private PackBundleRefusedException refused(String what) {
        return new PackBundleRefusedException(bundleName + " " + what);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : BundlePath.printable(message.lines().findFirst().orElse(message));
    }
}
