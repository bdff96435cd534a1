package org.clearance.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh embedded database of its own, for tests whose outcome depends on what is stored (the audit chain, lists
 * that other tests import, customer history), or whose data would slow every later test down (a large list makes
 * every screening's party index bigger). A subclass gets a database of its own, named after it. On the PostgreSQL
 * run, whose schema is fresh, the shared database is kept.
 * <p>
 * Each profile is an application start of its own (about ten seconds), so the command-line tests that only add to
 * what is stored share this one; a test that changes what every later screening sees (lists, the active pack) has a
 * subclass.
 */
public class OwnDatabase implements QuarkusTestProfile {

    /** The key audit exports are signed with: a test generates it first; the application reads it when it exports. */
    public static final Path SIGNING_KEY = Path.of("target/own-database-" + ProcessHandle.current().pid(), "anchor.key");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("clearance.audit.signing-key", SIGNING_KEY.toAbsolutePath().toString());
        if (!System.getProperty("quarkus.test.profile", "test").contains("pg")) {
            // One per profile class and test run: earlier runs leave theirs behind.
            String name = "own-" + getClass().getSimpleName() + "-" + ProcessHandle.current().pid();
            config.put("quarkus.datasource.jdbc.url",
                    "jdbc:h2:file:./target/test-db/" + name + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        }
        return config;
    }
}
