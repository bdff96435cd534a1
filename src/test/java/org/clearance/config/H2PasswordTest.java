package org.clearance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's password: generated once, owner-only, and set on databases that still have none. */
class H2PasswordTest {

    @TempDir
    Path dir;

    @Test
    void shouldGenerateTheSecretOnceReadableByItsOwnerOnly() throws Exception {
        Path secret = dir.resolve("data/clearance.secret");

        String first = H2Password.password(secret);
        String again = H2Password.password(secret);

        assertThat(first).hasSize(48).isEqualTo(again);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
    }

    @Test
    void shouldSetTheGeneratedPasswordOnADatabaseCreatedWithTheEmptyOne() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("clearance") + ";AUTO_SERVER=TRUE";
        try (Connection old = connect(url, "")) {
            old.createStatement().execute("CREATE TABLE kept (x INT)");
        }

        H2Password.migrateEmptyPassword(url, dir.resolve("clearance.mv.db"), H2Password.USER, "s3cret");

        assertThatThrownBy(() -> connect(url, "").close()).isInstanceOf(SQLException.class);
        try (Connection now = connect(url, "s3cret")) {
            assertThat(now.createStatement().executeQuery("SELECT COUNT(*) FROM kept").next()).isTrue();
        }
        // A second start finds the password set and changes nothing.
        H2Password.migrateEmptyPassword(url, dir.resolve("clearance.mv.db"), H2Password.USER, "other");
        connect(url, "s3cret").close();
    }

    @Test
    void shouldOpenTheDatabaseTwiceOnlyWhileItMayStillHaveTheEmptyPassword() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("old") + ";AUTO_SERVER=TRUE";
        Path oldDatabase = dir.resolve("old.mv.db");
        connect(url, "").close();
        Thread.sleep(50); // past the file system's timestamp granularity
        Path oldSecret = dir.resolve("old.secret");
        String password = H2Password.password(oldSecret);

        assertThat(H2Password.mayStillHaveTheEmptyPassword(oldDatabase, oldSecret)).as("created before its secret").isTrue();
        Thread.sleep(50);
        H2Password.migrateEmptyPassword(url, oldDatabase, H2Password.USER, password);
        assertThat(H2Password.mayStillHaveTheEmptyPassword(oldDatabase, oldSecret)).as("written since: migrated").isFalse();

        Path newSecret = dir.resolve("new.secret");
        String newPassword = H2Password.password(newSecret);
        Thread.sleep(50);
        DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("new"), H2Password.USER, newPassword).close();
        assertThat(H2Password.mayStillHaveTheEmptyPassword(dir.resolve("new.mv.db"), newSecret)).as("created after its secret")
                .isFalse();
        assertThat(H2Password.mayStillHaveTheEmptyPassword(dir.resolve("none.mv.db"), newSecret)).as("no database").isFalse();
    }

    @Test
    void shouldMatchTheUrlInApplicationProperties() throws Exception {
        Properties properties = new Properties();
        try (var in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("quarkus.datasource.jdbc.url")).isEqualTo(H2Password.DEFAULT_URL);
        assertThat(properties.getProperty("quarkus.datasource.username")).isEqualTo(H2Password.USER);
    }

    private static Connection connect(String url, String password) throws SQLException {
        return DriverManager.getConnection(url, H2Password.USER, password);
    }
}
