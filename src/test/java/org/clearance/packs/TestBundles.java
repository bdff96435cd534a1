package org.clearance.packs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds real bundles from the small test pack, and hand-made archives (tampered or hostile) that no builder would write. */
final class TestBundles {

    static final Path SMALL_PACK = Path.of("src/test/resources/reload-pack").toAbsolutePath();

    /** One raw archive entry: a file, a directory, or a symbolic link to {@code linkTarget}. */
    record Entry(String name, byte[] bytes, String linkTarget, boolean directory) {
        static Entry file(String name, byte[] bytes) {
            return new Entry(name, bytes, null, false);
        }

        static Entry file(String name, String text) {
            return file(name, text.getBytes(StandardCharsets.UTF_8));
        }

        static Entry symlink(String name, String target) {
            return new Entry(name, new byte[0], target, false);
        }

        static Entry directory(String name) {
            return new Entry(name, new byte[0], null, true);
        }
    }

    private TestBundles() {
    }

    static PackDescription description(String version) {
        return new PackDescription("eu-legal", version, "Test Authority", List.of("EU", "US"), null);
    }

    /** A signed bundle of the small pack. */
    static Path build(Path dir, String file, SigningKey key) {
        Path output = dir.resolve(file);
        PackBuilder.build(SMALL_PACK, description("1.4.0"), key, output);
        return output;
    }

    static SigningKey newKey() {
        var pair = PackKeys.generate(PackKeys.Algorithm.ED25519);
        return new SigningKey(pair.getPrivate(), pair.getPublic());
    }

    /** Every entry of a .tar.gz, in archive order. */
    static LinkedHashMap<String, byte[]> entries(Path tarGz) {
        LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(tarGz)))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                entries.put(e.getName(), tar.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static List<Entry> files(Map<String, byte[]> entries) {
        List<Entry> list = new ArrayList<>();
        entries.forEach((name, bytes) -> list.add(Entry.file(name, bytes)));
        return list;
    }

    static Path writeTarGz(Path file, List<Entry> entries) {
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry entry : entries) {
                TarArchiveEntry e;
                if (entry.linkTarget() != null) {
                    e = new TarArchiveEntry(entry.name(), TarConstants.LF_SYMLINK);
                    e.setLinkName(entry.linkTarget());
                } else if (entry.directory()) {
                    e = new TarArchiveEntry(entry.name().endsWith("/") ? entry.name() : entry.name() + "/");
                } else {
                    e = new TarArchiveEntry(entry.name(), true); // preserve the name as given: no normalising away "/" or ".."
                    e.setSize(entry.bytes().length);
                }
                tar.putArchiveEntry(e);
                tar.write(entry.bytes());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path writeZip(Path file, List<Entry> entries) {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
            for (Entry entry : entries) {
                ZipArchiveEntry e = new ZipArchiveEntry(entry.directory() ? entry.name() + "/" : entry.name());
                byte[] bytes = entry.bytes();
                if (entry.linkTarget() != null) {
                    e.setUnixMode(0120777);
                    bytes = entry.linkTarget().getBytes(StandardCharsets.UTF_8);
                }
                zip.putArchiveEntry(e);
                zip.write(bytes);
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A bundle holding {@code files} and a manifest of exactly {@code manifest} signed by {@code key}. */
    static Path signedRaw(Path file, byte[] manifest, SigningKey key, List<Entry> files) {
        List<Entry> all = new ArrayList<>();
        all.add(Entry.file(BundlePath.MANIFEST, manifest));
        all.add(Entry.file(BundlePath.SIGNATURES, ManifestSignatures.sign(manifest, key)));
        all.addAll(files);
        return writeTarGz(file, all);
    }
}
