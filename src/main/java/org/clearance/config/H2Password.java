package org.clearance.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded H2 database's password: generated on first start into {@code <database>.secret} beside the database
 * file (e.g. {@code ./data/clearance.secret}), readable by its owner only, and handed to Quarkus before it connects.
 * A database created by an earlier version with the empty password gets the generated one on first start.
 * Does nothing when a password is configured or the database is not an H2 file.
 */
public final class H2Password {

    /** The URL in application.properties; kept in step with it (H2PasswordTest checks). */
    static final String DEFAULT_URL = "jdbc:h2:file:./data/clearance;AUTO_SERVER=TRUE;WRITE_DELAY=0";
    static final String USER = "clearance";
    private static final Pattern H2_FILE = Pattern.compile("^jdbc:h2:(?:file:)?([^;:]+)(;.*)?$");

    private H2Password() {
    }

    /** Sets {@code quarkus.datasource.password} from the secret file unless a password is configured. */
    public static void prepare() {
        if (System.getProperty("quarkus.datasource.password") != null || System.getenv("QUARKUS_DATASOURCE_PASSWORD") != null) {
            return;
        }
        String url = firstSet(System.getProperty("quarkus.datasource.jdbc.url"), System.getenv("QUARKUS_DATASOURCE_JDBC_URL"),
                DEFAULT_URL);
        String user = firstSet(System.getProperty("quarkus.datasource.username"), System.getenv("QUARKUS_DATASOURCE_USERNAME"), USER);
        Matcher file = H2_FILE.matcher(url);
        if (!file.matches() || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")) {
            return;
        }
        try {
            Path secret = Path.of(file.group(1) + ".secret");
            String password = password(secret);
            Path database = Path.of(file.group(1) + ".mv.db");
            if (mayStillHaveTheEmptyPassword(database, secret)) {
                migrateEmptyPassword(url, database, user, password);
            }
            System.setProperty("quarkus.datasource.password", password);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the database password file: " + e.getMessage(), e);
        }
    }

    /** The password in {@code secret}, generating it (owner read/write only) the first time. */
    static String password(Path secret) throws IOException {
        if (Files.isRegularFile(secret)) {
            return Files.readString(secret, StandardCharsets.UTF_8).strip();
        }
        Path dir = secret.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path temp = Files.createTempFile(dir, ".secret", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            temp.toFile().setReadable(false, false);
            temp.toFile().setReadable(true, true);
        }
        Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(temp, secret, java.nio.file.StandardCopyOption.ATOMIC_MOVE); // two first starts at once: one wins
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            if (!Files.isRegularFile(secret)) {
                throw e;
            }
        }
        return Files.readString(secret, StandardCharsets.UTF_8).strip();
    }

    /**
     * Whether the database may still have the empty password: it was last written no later than the secret, so it
     * existed before the secret (an earlier version created it) and has not been written since, as setting the
     * password writes it. A database created after its secret is skipped, which spares every start after the first
     * opening the database twice (about a second of each CLI command).
     */
    static boolean mayStillHaveTheEmptyPassword(Path database, Path secret) throws IOException {
        return Files.isRegularFile(database)
                && Files.getLastModifiedTime(database).compareTo(Files.getLastModifiedTime(secret)) <= 0;
    }

    /** An existing database that still has the empty password gets {@code password}; any other state is left alone. */
    static void migrateEmptyPassword(String url, Path databaseFile, String user, String password) {
        if (!Files.isRegularFile(databaseFile)) {
            return; // a new database is created with the password by the first connection
        }
        Properties empty = new Properties();
        empty.setProperty("user", user);
        empty.setProperty("password", "");
        try (Connection connection = new org.h2.Driver().connect(url, empty);
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER " + user + " SET PASSWORD '" + password.replace("'", "''") + "'");
        } catch (SQLException e) {
            // Wrong password: it was set already (the usual case). Anything else shows when Quarkus connects.
        }
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
