package org.clearance.packs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a bundle archive: {@code .zip} when the output's name ends so, else {@code .tar.gz}. Reproducible: the
 * metadata first, then the pack files in path order, each with one fixed time stamp, mode 644 and no owner, so the
 * same pack and key give the same bytes. Written beside the output and moved into place, so that a failed build
 * never leaves half a bundle where a bundle is expected.
 */
final class BundleWriter {

    /** 1980-01-01, the earliest time a zip entry can carry. */
    private static final Instant FIXED_TIME = Instant.parse("1980-01-01T00:00:00Z");

    private BundleWriter() {
    }

    /** Writes {@code metadata} (name → bytes) and then {@code files} (path in the bundle → file on disk). */
    static void write(Path output, Map<String, byte[]> metadata, Map<BundlePath, Path> files) throws IOException {
        Path target = output.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    writeZip(out, metadata, files);
                } else {
                    writeTarGz(out, metadata, files);
                }
            }
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void writeTarGz(OutputStream out, Map<String, byte[]> metadata, Map<BundlePath, Path> files) throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(FIXED_TIME.toEpochMilli());
        try (GzipCompressorOutputStream compressed = new GzipCompressorOutputStream(out, gzip);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Map.Entry<String, byte[]> file : metadata.entrySet()) {
                tar.putArchiveEntry(tarEntry(file.getKey(), file.getValue().length));
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
            for (Map.Entry<BundlePath, Path> file : files.entrySet()) {
                tar.putArchiveEntry(tarEntry(file.getKey().value(), Files.size(file.getValue())));
                Files.copy(file.getValue(), tar);
                tar.closeArchiveEntry();
            }
        }
    }

    private static TarArchiveEntry tarEntry(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(0100644);
        entry.setModTime(FileTime.from(FIXED_TIME));
        return entry;
    }

    private static void writeZip(OutputStream out, Map<String, byte[]> metadata, Map<BundlePath, Path> files) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : metadata.entrySet()) {
                zip.putArchiveEntry(zipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeArchiveEntry();
            }
            for (Map.Entry<BundlePath, Path> file : files.entrySet()) {
                zip.putArchiveEntry(zipEntry(file.getKey().value()));
                Files.copy(file.getValue(), zip);
                zip.closeArchiveEntry();
            }
        }
    }

    private static ZipArchiveEntry zipEntry(String name) {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setTime(FileTime.from(FIXED_TIME));
        entry.setUnixMode(0100644);
        return entry;
    }
}
