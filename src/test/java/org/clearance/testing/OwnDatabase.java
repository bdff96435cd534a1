package org.clearance.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A fresh embedded database of its own, for tests whose outcome depends on what is stored (the audit chain, lists
 * that other tests import, customer history), or whose data would slow every later test down (a large list makes
 * every screening's party index bigger). A subclass gets a database of its own, named after it. On the PostgreSQL
 * run, whose schema is fresh, the shared database is kept.
 */
public class OwnDatabase implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        if (System.getProperty("quarkus.test.profile", "test").contains("pg")) {
            return Map.of();
        }
        // One per profile class and test run: earlier runs leave theirs behind.
        String name = "own-" + getClass().getSimpleName() + "-" + ProcessHandle.current().pid();
        return Map.of("quarkus.datasource.jdbc.url",
                "jdbc:h2:file:./target/test-db/" + name + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
    }
}
