package org.clearance.lists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** What lists are loaded: each source's active version, and every version ever imported. */
@ApplicationScoped
public class ListCatalog {

    @Transactional
    public List<ListVersionView> active() {
        Instant now = Instant.now();
        return ListImport.allActive().stream().map(v -> ListVersionView.of(v, now)).toList();
    }

    /** Per active source, each list code its entries carry and how many: which lists a source brings. */
    @Transactional
    public java.util.Map<String, java.util.Map<String, Long>> activeListCodes() {
        java.util.Map<String, java.util.Map<String, Long>> codes = new java.util.TreeMap<>();
        ListRecord.getEntityManager().createQuery("select i.source, r.listCode, count(r) from ListRecord r, ListImport i "
                        + "where r.importId = i.id and i.active = true group by i.source, r.listCode", Object[].class)
                .getResultList().forEach(row -> codes.computeIfAbsent((String) row[0], s -> new java.util.TreeMap<>())
                        .put((String) row[1], (Long) row[2]));
        return codes;
    }

    @Transactional
    public List<ListVersionView> history(String source) {
        Instant now = Instant.now();
        return ListImport.history(source).stream().map(v -> ListVersionView.of(v, now)).toList();
    }
}
