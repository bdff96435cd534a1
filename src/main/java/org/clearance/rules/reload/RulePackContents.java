package org.clearance.rules.reload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.lists.FileHash;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;

/**
 * Keeps every pack that went live by content: its files (each distinct file once, by SHA-256) and, per pack hash,
 * which file sits at which path. {@link #restore} writes a pack back to a folder, so a past screening can be replayed
 * with the very rules that made it.
 */
@ApplicationScoped
public class RulePackContents {

    private final EntityManager em;

    RulePackContents(EntityManager em) {
        this.em = em;
    }

    /**
     * Stores {@code pack}'s files unless this hash is stored already; joins the caller's transaction. False, with
     * nothing written, when the files in the pack's folder no longer hash to the pack (changed since it was loaded):
     * stored, they would replay and serve as a pack they are not.
     */
    public boolean store(RulePack pack) {
        if (stored(pack.hash())) {
            return true;
        }
        Path root = pack.directory();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (Path file : RulePackLoader.packFiles(root)) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule pack to keep it", e);
        }
        if (!RulePackLoader.hash(files).equals(pack.hash())) {
            return false;
        }
        files.forEach((path, bytes) -> {
            String sha = FileHash.sha256(bytes);
            if (((Number) em.createNativeQuery("SELECT COUNT(*) FROM rule_file WHERE sha256 = ?1")
                    .setParameter(1, sha).getSingleResult()).longValue() == 0) {
                em.createNativeQuery("INSERT INTO rule_file (sha256, content) VALUES (?1, ?2)")
                        .setParameter(1, sha).setParameter(2, Base64.getEncoder().encodeToString(bytes)).executeUpdate();
            }
            em.createNativeQuery("INSERT INTO rule_pack_content (pack_hash, path, sha256) VALUES (?1, ?2, ?3)")
                    .setParameter(1, pack.hash()).setParameter(2, path).setParameter(3, sha).executeUpdate();
        });
        return true;
    }

    public boolean stored(String packHash) {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM rule_pack_content WHERE pack_hash = ?1").setParameter(1, packHash)
                .getSingleResult()).longValue() > 0);
    }

    private static String text(Object value) {
        try {
            return value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : value.toString();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored files of pack {@code packHash}: path → SHA-256 of the content, sorted by path; empty when never stored. */
    public java.util.SortedMap<String, String> files(String packHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                "SELECT path, sha256 FROM rule_pack_content WHERE pack_hash = ?1").setParameter(1, packHash).getResultList());
        java.util.SortedMap<String, String> files = new java.util.TreeMap<>();
        rows.forEach(row -> files.put((String) row[0], (String) row[1]));
        return files;
    }

    /** A stored file's text by its SHA-256 (rule files are UTF-8 text); empty when no file has it. */
    public java.util.Optional<String> fileText(String sha256) {
        @SuppressWarnings("unchecked")
        List<Object> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                "SELECT content FROM rule_file WHERE sha256 = ?1").setParameter(1, sha256).getResultList());
        return rows.stream().findFirst().map(content -> new String(Base64.getDecoder().decode(text(content)),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Writes the files of pack {@code packHash} under {@code target}; false when that pack was never stored. */
    public boolean restore(String packHash, Path target) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                "SELECT c.path, f.content FROM rule_pack_content c JOIN rule_file f ON f.sha256 = c.sha256 "
                        + "WHERE c.pack_hash = ?1").setParameter(1, packHash).getResultList());
        try {
            for (Object[] row : rows) {
                Path file = target.resolve((String) row[0]).normalize();
                if (!file.startsWith(target)) {
                    throw new IllegalStateException("stored pack path leaves its folder: " + row[0]);
                }
                Files.createDirectories(file.getParent());
                Files.write(file, Base64.getDecoder().decode(text(row[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return !rows.isEmpty();
    }
}
