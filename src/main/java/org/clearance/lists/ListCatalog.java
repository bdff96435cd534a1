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

    @Transactional
    public List<ListVersionView> history(String source) {
        Instant now = Instant.now();
        return ListImport.history(source).stream().map(v -> ListVersionView.of(v, now)).toList();
    }
}
