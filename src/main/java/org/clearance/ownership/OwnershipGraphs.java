package org.clearance.ownership;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The active ownership file as a graph, read from the database once per import: each call checks which import is
 * active, so an import by another process (the CLI next to a server) is seen by the next screening.
 */
@ApplicationScoped
public class OwnershipGraphs {

    private final EntityManager em;
    private volatile Loaded loaded = new Loaded(null, OwnershipGraph.EMPTY);

    private record Loaded(UUID importId, OwnershipGraph graph) {
    }

    OwnershipGraphs(EntityManager em) {
        this.em = em;
    }

    /** The graph of the active import; empty when none was imported. */
    public OwnershipGraph current() {
        UUID active = QuarkusTransaction.joiningExisting().call(() -> em.createQuery(
                "select i.id from OwnershipImport i where i.active = true", UUID.class).getResultStream()
                .findFirst().orElse(null));
        Loaded current = loaded;
        if (Objects.equals(active, current.importId())) {
            return current.graph();
        }
        synchronized (this) {
            if (!Objects.equals(active, loaded.importId())) {
                List<OwnershipRow> rows = active == null ? List.of() : QuarkusTransaction.joiningExisting().call(() ->
                        em.createQuery("from OwnershipLink l where l.importId = :id order by l.line", OwnershipLink.class)
                                .setParameter("id", active).getResultStream().map(OwnershipLink::row).toList());
                loaded = new Loaded(active, OwnershipGraph.of(rows));
            }
            return loaded.graph();
        }
    }
}
