package org.clearance.screening;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.clearance.audit.CanonicalJson;
import org.clearance.facts.CountryRisk;

/**
 * Keeps each distinct list of country risks that screenings were given once ({@code country_risk_set}, by the SHA-256
 * of its canonical JSON); each screening names its list. Lists change only with a trade import, so thousands of
 * screenings share one row.
 */
@ApplicationScoped
public class CountryRiskSets {

    private final EntityManager em;
    /** The last list this process kept: rows are never deleted, so it need not be looked up again. */
    private volatile String lastKept;

    CountryRiskSets(EntityManager em) {
        this.em = em;
    }

    /**
     * Stores {@code risks} unless already stored and returns their hash. In a transaction of its own, before the
     * screenings that name it: two batches keeping the same new list at once must not fail each other's screenings,
     * and a kept list that no screening names is harmless.
     */
    public String keep(List<CountryRisk> risks) {
        String json = ScreeningContext.countryRisksJson(risks);
        String sha = CanonicalJson.sha256(json);
        if (sha.equals(lastKept)) {
            return sha;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (content(sha).isEmpty()) {
                    em.createNativeQuery("INSERT INTO country_risk_set (sha256, content) VALUES (?1, ?2)")
                            .setParameter(1, sha).setParameter(2, json).executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            // Another process stored the same list between our look and our insert; anything else fails the same way
            // again in the look below, or in the screenings' transaction that names this hash.
            Log.debugf("country risk list %s: %s", sha, e.getClass().getName());
            if (QuarkusTransaction.requiringNew().call(() -> content(sha)).isEmpty()) {
                throw e;
            }
        }
        lastKept = sha;
        return sha;
    }

    /** The stored JSON of list {@code sha}, as kept; joins the caller's transaction. */
    public Optional<String> content(String sha) {
        List<?> rows = em.createNativeQuery("SELECT content FROM country_risk_set WHERE sha256 = ?1")
                .setParameter(1, sha).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(text(rows.get(0)));
    }

    private static String text(Object value) {
        try {
            return value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : value.toString();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
