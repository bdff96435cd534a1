import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Commit cost of H2's WRITE_DELAY in isolation: THREADS threads each commit TRANSACTIONS transactions of the shape a
 * single screening writes (one screening-sized row, three finding-sized rows, an audit row, the chain head update
 * under SELECT ... FOR UPDATE), on a fresh database file, once per WRITE_DELAY value.
 * Run: bench/h2-commit/run
 */
public class H2CommitCost {

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args.length > 0 ? args[0] : "4");
        int transactions = Integer.parseInt(args.length > 1 ? args[1] : "500");
        for (int delay : new int[] {500, 0, 500, 0}) {
            Path dir = Files.createTempDirectory("h2commit");
            String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=" + delay;
            try (Connection setup = DriverManager.getConnection(url, "sa", "")) {
                setup.createStatement().execute("CREATE TABLE s (id UUID PRIMARY KEY, doc VARCHAR(4000))");
                setup.createStatement().execute("CREATE TABLE f (id UUID, pos INT, msg VARCHAR(1000), PRIMARY KEY (id, pos))");
                setup.createStatement().execute("CREATE TABLE a (seq BIGINT PRIMARY KEY, subject VARCHAR(64), chain VARCHAR(64))");
                setup.createStatement().execute("CREATE TABLE h (id INT PRIMARY KEY, seq BIGINT)");
                setup.createStatement().execute("INSERT INTO h VALUES (1, 0)");
                String doc = "x".repeat(2000);
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long start = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    pool.submit(() -> {
                        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                            c.setAutoCommit(false);
                            for (int i = 0; i < transactions; i++) {
                                UUID id = UUID.randomUUID();
                                try (PreparedStatement s = c.prepareStatement("INSERT INTO s VALUES (?, ?)")) {
                                    s.setObject(1, id);
                                    s.setString(2, doc);
                                    s.executeUpdate();
                                }
                                for (int p = 0; p < 3; p++) {
                                    try (PreparedStatement f = c.prepareStatement("INSERT INTO f VALUES (?, ?, ?)")) {
                                        f.setObject(1, id);
                                        f.setInt(2, p);
                                        f.setString(3, doc.substring(0, 300));
                                        f.executeUpdate();
                                    }
                                }
                                long seq;
                                try (var r = c.createStatement().executeQuery("SELECT seq FROM h WHERE id = 1 FOR UPDATE")) {
                                    r.next();
                                    seq = r.getLong(1) + 1;
                                }
                                try (PreparedStatement a = c.prepareStatement("INSERT INTO a VALUES (?, ?, ?)")) {
                                    a.setLong(1, seq);
                                    a.setString(2, id.toString());
                                    a.setString(3, "0".repeat(64));
                                    a.executeUpdate();
                                }
                                c.createStatement().executeUpdate("UPDATE h SET seq = " + seq + " WHERE id = 1");
                                c.commit();
                            }
                        } catch (Exception e) {
                            e.printStackTrace();
                        }
                    });
                }
                pool.shutdown();
                pool.awaitTermination(10, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("WRITE_DELAY=%d: %d transactions on %d threads in %.2f s = %.0f commits/s, file %d KB%n",
                        delay, threads * transactions, threads, seconds, threads * transactions / seconds,
                        Files.size(dir.resolve("db.mv.db")) / 1024);
            }
        }
    }
}
