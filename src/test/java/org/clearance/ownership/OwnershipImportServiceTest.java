package org.clearance.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.lists.ListFormatException;
import org.clearance.security.Actor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ownership import replaces the previous data atomically, is audited, and a refused file changes nothing; on H2
 * and on PostgreSQL (the storage tests' run).
 */
@QuarkusTest
@Tag("database")
class OwnershipImportServiceTest {

    @Inject
    OwnershipImportService imports;

    @Inject
    OwnershipGraphs graphs;

    @Inject
    EntityManager em;

    @TempDir
    Path dir;

    @Test
    void shouldReplaceThePreviousOwnershipDataAndAuditEachImportWhileARefusedFileChangesNothing() throws IOException {
        // Unique per run: a PostgreSQL database outlives the run.
        String entity = "Ostwind Lager " + java.util.UUID.randomUUID().toString().substring(0, 8);
        Path first = Files.writeString(dir.resolve("first.csv"), """
                entity,owner,share,source
                %s,Corvid Anlagen AG,60.5,Handelsregister 2026-11-01
                %s,Lerche Beteiligungen,39.5,Handelsregister 2026-11-01
                """.formatted(entity, entity));
        Path second = Files.writeString(dir.resolve("second.csv"), """
                entity,owner,share,source
                %s,Star Holding SE,100,annual report 2025
                """.formatted(entity));
        Path broken = Files.writeString(dir.resolve("broken.csv"), """
                entity,owner,share,source
                %s,Corvid Anlagen AG,10,register
                %s,Finch Capital,-5,register
                """.formatted(entity, entity));

        OwnershipImportResult imported = imports.importFile(first, Actor.system("test"));
        assertThat(imported.changed()).isTrue();
        assertThat(imported.rows()).isEqualTo(2);
        assertThat(graphs.current().ownersOf(entity.toUpperCase())).extracting(Stake::owner, Stake::share)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Corvid Anlagen AG", new BigDecimal("60.500000")),
                        org.assertj.core.groups.Tuple.tuple("Lerche Beteiligungen", new BigDecimal("39.500000")));

        OwnershipImportResult replaced = imports.importFile(second, Actor.system("test"));
        assertThat(replaced.changed()).isTrue();
        assertThat(graphs.current().ownersOf(entity)).extracting(Stake::owner).containsExactly("Star Holding SE");
        assertThat(count("select count(*) from ownership_link")).as("only the active import's rows are kept").isEqualTo(1);
        assertThat(count("select count(*) from ownership_import where active = true")).isEqualTo(1);

        assertThatThrownBy(() -> imports.importFile(broken, Actor.system("test")))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("line 3: share -5 is outside 0 to 100");
        assertThat(graphs.current().ownersOf(entity)).extracting(Stake::owner).containsExactly("Star Holding SE");

        assertThat(imports.importFile(second, Actor.system("test")).changed()).as("the active file again").isFalse();
        assertThat(count("select count(*) from audit_event where action = 'ownership.imported' and content_hash in ('"
                + imported.sha256() + "', '" + replaced.sha256() + "')")).isEqualTo(2);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
