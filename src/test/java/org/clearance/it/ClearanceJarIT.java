package org.clearance.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clearance.rules.guard.HostilePacks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The packaged jar, run as a user runs it: as a separate process with stdin, stdout and an exit code. */
class ClearanceJarIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    record Run(int exitCode, String out, String err) {
    }

    /** One input, screened twice: each jar start costs seconds, so one test holds what a quiet and a shown run prove. */
    @Test
    void shouldScreenNdjsonFromStdinWithoutTheHttpPortAndRedrawProgressOnlyWhenAsked() throws Exception {
        List<String> small = Files.readAllLines(Path.of("examples/orders/batch-small.ndjson"));
        String orderId = "\"id\": \"BATCH-2026-001\"";
        assertThat(small.get(0)).contains(orderId);
        StringBuilder orders = new StringBuilder();
        small.forEach(line -> orders.append(line).append('\n'));
        for (int i = 0; i < 600; i++) {
            orders.append(small.get(0).replace(orderId, "\"id\":\"PROGRESS-" + i + "\"")).append('\n');
        }
        byte[] input = orders.toString().getBytes(StandardCharsets.UTF_8);

        Run quiet;
        // With port 8080 taken, a CLI command that tried to open it would fail; if something else holds 8080 on this
        // machine, the same proof holds.
        try (ServerSocket taken = takePort8080()) {
            quiet = clearance(input, "screen", "--format", "json", "-");
        }
        Run shown = clearance(input, "-Dclearance.cli.progress=true", "screen", "--format", "json", "-");

        assertThat(quiet.exitCode()).as(quiet.err()).isEqualTo(1);
        assertThat(quiet.out()).contains("\"source\" : \"<stdin>:3\"").contains("\"order_id\" : \"BATCH-2026-002\"")
                .contains("\"order_id\" : \"PROGRESS-599\"");
        assertThat(quiet.out().strip()).startsWith("{").endsWith("}");
        assertThat(quiet.err()).doesNotContain("screening: ").doesNotContain("\r");
        assertThat(shown.exitCode()).as(shown.err()).isEqualTo(quiet.exitCode());
        // Streamed: done so far and the rate; the total is not known until the input ends.
        assertThat(shown.err()).contains("\rscreening: ").contains("screening: " + (small.size() + 600)).contains("/s");
        assertThat(shown.out().strip()).startsWith("{").endsWith("}").doesNotContain("\r");
    }

    /** Port 8080 held by this test, or null when something else holds it already. */
    private static ServerSocket takePort8080() throws IOException {
        try {
            return new ServerSocket(8080);
        } catch (java.net.BindException e) {
            return null;
        }
    }

    @Test
    void shouldRefuseToServeWithABrokenRulePack() throws Exception {
        Path pack = Files.createTempDirectory("pack");
        Files.writeString(pack.resolve("bad.drl"), "package bad;\nrule \"X\" when then end\n");

        Run run = clearance(new byte[0], "-Dquarkus.http.port=0", "serve", "--rules", pack.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("bad.drl:2: rule \"X\" lacks @id, @jurisdiction, @severity, @citation, @effective")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldAnswerHelpVersionAndUsageErrorsWithoutOpeningTheDatabase() throws Exception {
        Path database = Files.createTempDirectory("unopened-db");
        String url = "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + database.resolve("clearance") + ";AUTO_SERVER=TRUE";

        Run help = clearance(url, new byte[0], "lists", "import", "--help");
        Run version = clearance(url, new byte[0], "--version");
        Run usageError = clearance(url, new byte[0], "screen");

        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: clearance lists import");
        assertThat(version.out()).startsWith("Clearance ");
        assertThat(usageError.exitCode()).isEqualTo(2);
        assertThat(usageError.err()).startsWith("Missing required parameter: 'PATH'");
        // Nothing was started: the database that any booted command opens (and creates) does not exist.
        assertThat(database).isEmptyDirectory();
    }

    @Test
    void shouldServeOnLoopbackOnlyTellHowToCreateTheFirstAdminKeyAndSeeWhatTheCliChanges() throws Exception {
        String db = "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:./target/it-db/first-run-"
                + java.util.UUID.randomUUID() + ";AUTO_SERVER=TRUE";
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path err = Files.createTempFile("serve-err", ".txt");
        List<String> command = org.clearance.testing.PackagedJar.java();
        command.addAll(List.of(db, "-Dquarkus.http.port=" + port, "-jar", JAR.toString(), "serve"));
        Process server = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        try {
            String advice = "clearance keys create --name admin --role admin";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.readString(err).contains(advice) && server.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            List<String> lines = Files.readAllLines(err);
            assertThat(lines).as("the server's first lines").anyMatch(l -> l.contains(advice));
            assertThat(lines.stream().takeWhile(l -> !l.contains(advice)).count()).as("lines before the advice: " + lines)
                    .isLessThan(10);
            assertThat(String.join("\n", lines)).contains("Listening on 127.0.0.1 only");

            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            assertThat(send(http, base + "/q/health/live", null, null, null).statusCode()).isEqualTo(200);
            assertThat(send(http, base + "/api/v1/screenings", null, null, null).statusCode()).isEqualTo(401);
            assertThat(send(http, base + "/q/metrics", null, null, null).statusCode()).isEqualTo(401);
            assertThat(send(http, base + "/q/openapi", null, null, null).statusCode()).isEqualTo(401);
            assertThat(send(http, base + "/q/swagger-ui/", null, null, null).statusCode()).isEqualTo(404);
            assertLoopbackOnly(port);

            // The operator creates the first admin key with the CLI, against the running server's database.
            Run created = clearance(db, new byte[0], "keys", "create", "--name", "first-admin", "--role", "admin");
            assertThat(created.exitCode()).as(created.err()).isZero();
            String admin = created.out().strip();
            assertThat(admin).startsWith("clr_").doesNotContain("\n");

            var keyResponse = send(http, base + "/api/v1/keys", admin, "application/json",
                    "{\"name\": \"erp\", \"roles\": [\"screener\"]}");
            assertThat(keyResponse.statusCode()).as(keyResponse.body()).isEqualTo(201);
            String screener = keyResponse.body().replaceAll(".*\"secret\"\\s*:\\s*\"(clr_[^\"]+)\".*", "$1");
            var screening = send(http, base + "/api/v1/screenings", screener, "application/json",
                    Files.readString(Path.of("examples/orders/03-italian-furniture-to-kazakhstan-clear.json")));
            assertThat(screening.statusCode()).as(screening.body()).isEqualTo(201);
            assertThat(screening.headers().firstValue("Location").orElseThrow()).startsWith("/api/v1/screenings/");
            assertThat(send(http, base + "/q/metrics", admin, null, null).statusCode()).isEqualTo(200);
            assertThat(send(http, base + "/api/v1/keys", screener, null, null).statusCode()).isEqualTo(403);

            // A list the CLI imports into the running server's database is screened against by the server at once.
            var order = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Files.readString(Path.of("examples/orders/03-italian-furniture-to-kazakhstan-clear.json")));
            ((com.fasterxml.jackson.databind.node.ObjectNode) order.get("buyer")).put("name", "Atlas Sanatgaran").put("country", "AM");
            var before = send(http, base + "/api/v1/screenings", screener, "application/json", order.put("id", "IT-LIST-1").toString());
            assertThat(before.body()).as("no list yet").doesNotContain("US-LIST-UVL-01");
            Run imported = clearance(db, new byte[0], "lists", "import", "src/test/resources/lists/csl/consolidated.csv", "--source", "csl");
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            var after = send(http, base + "/api/v1/screenings", screener, "application/json", order.put("id", "IT-LIST-2").toString());
            assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
            assertThat(after.body()).as("the server sees the list the CLI imported").contains("US-LIST-UVL-01");

            // The same for trade statistics: CHP chips bought from Armenia, whose computed trade-surge risk needs review.
            var chips = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Files.readString(Path.of("rules/bases/eu-chips-to-kazakhstan.json")));
            ((com.fasterxml.jackson.databind.node.ObjectNode) chips.get("buyer")).put("country", "AM");
            var untraded = send(http, base + "/api/v1/screenings", screener, "application/json", chips.put("id", "IT-TRD-1").toString());
            assertThat(untraded.body()).as("no statistics yet").doesNotContain("ALL-TRD-01");
            Run traded = clearance(db, new byte[0], "trade", "import", "examples/trade/comtrade-chp-synthetic.csv");
            assertThat(traded.exitCode()).as(traded.err()).isZero();
            var surged = send(http, base + "/api/v1/screenings", screener, "application/json", chips.put("id", "IT-TRD-2").toString());
            assertThat(surged.body()).as("the server sees the statistics the CLI imported").contains("ALL-TRD-01");
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void shouldShowBothServersWhatTheCliAndTheOtherServerChange() throws Exception {
        bothServersSeeWhatTheCliChanges(JAR, List.of("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:./target/it-db/two-servers-"
                + java.util.UUID.randomUUID() + ";AUTO_SERVER=TRUE"), true);
    }

    /**
     * As above, on PostgreSQL, with a jar built for it (the build fixes the database kind), so not in the default build;
     * .ci/run runs it with the other storage tests on PostgreSQL (docs/operations.md gives the command). PostgreSQL on
     * 127.0.0.1:5432, trust auth; the test creates and drops a database of its own.
     */
    @Test
    @Tag("database")
    @EnabledIfSystemProperty(named = "it.postgresql.jar", matches = ".+")
    void shouldShowBothServersOnPostgresqlWhatTheCliAndTheOtherServerChange() throws Exception {
        String name = "clearance_it_" + java.util.UUID.randomUUID().toString().replace("-", "");
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        try (var connection = java.sql.DriverManager.getConnection(admin)) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        }
        try {
            bothServersSeeWhatTheCliChanges(Path.of(System.getProperty("it.postgresql.jar")),
                    List.of("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + name,
                            "-Dquarkus.datasource.username=postgres"), false);
        } finally {
            try (var connection = java.sql.DriverManager.getConnection(admin)) {
                connection.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /**
     * Two servers and the CLI on database {@code db}: what the CLI writes (a list, trade statistics, the active pack) and
     * what one server writes (a dismissal, a licence and its use) both servers screen with, within seconds. They start
     * on a copy of the shipped pack, whose list, trade and licence rules show it; the pack switch comes last, to the
     * small test pack, whose check is quick. On embedded H2 the servers start {@code oneAfterTheOther}: the second
     * process opens the file through the first one's AUTO_SERVER, which must be up by then (started together, the
     * second one's Flyway timed out).
     */
    private void bothServersSeeWhatTheCliChanges(Path jar, List<String> db, boolean oneAfterTheOther) throws Exception {
        Path shipped = packCopy(Path.of("rules"));
        Path next = packCopy(Path.of("src/test/resources/reload-pack"));
        Files.writeString(next.resolve("eu/no-russia-clause.drl"), "\n// the next pack\n", java.nio.file.StandardOpenOption.APPEND);
        Run keyCreated = clearance(jar, db, new byte[0], "keys", "create", "--name", "two-servers", "--role", "auditor",
                "--role", "screener", "--role", "officer", "--role", "list-manager");
        assertThat(keyCreated.exitCode()).as(keyCreated.err()).isZero();
        String key = keyCreated.out().strip();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<Process> servers = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        try {
            List<String> bases = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int port;
                try (ServerSocket free = new ServerSocket(0)) {
                    port = free.getLocalPort();
                }
                Path log = Files.createDirectories(Path.of("target/it-logs")).resolve("two-servers-" + i + ".log");
                logs.add(log);
                List<String> command = org.clearance.testing.PackagedJar.java();
                command.addAll(db);
                command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dclearance.reload.watch=false", "-jar", jar.toString(),
                        "serve", "--rules", shipped.toString()));
                servers.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
                bases.add("http://127.0.0.1:" + port);
                if (oneAfterTheOther) {
                    awaitServing(http, bases.get(i), key, logs.get(i));
                }
            }
            if (!oneAfterTheOther) {
                for (int i = 0; i < 2; i++) {
                    awaitServing(http, bases.get(i), key, logs.get(i));
                }
            }
            String before = livePack(http, bases.get(0) + "/api/v1/rules", key, null, 10);
            assertThat(livePack(http, bases.get(1) + "/api/v1/rules", key, null, 10)).isEqualTo(before);
            TwoServers both = new TwoServers(http, bases, key);

            listsAndDismissals(both, jar, db);
            tradeStatistics(both, jar, db);
            licences(both);

            Run activated = clearance(jar, db, new byte[0], "rules", "activate", next.toString());
            long exited = System.nanoTime();
            assertThat(activated.exitCode()).as(activated.err()).isZero();
            String hash = activated.out().replaceAll("(?s).*rule pack ([0-9a-f]{64}) is now active.*", "$1");
            assertThat(hash).hasSize(64).isNotEqualTo(before);
            for (String base : bases) {
                assertThat(livePack(http, base + "/api/v1/rules", key, hash, 15)).as(base).isEqualTo(hash);
                System.out.printf("%s shows the activated pack %d ms after the CLI exited%n", base,
                        (System.nanoTime() - exited) / 1_000_000);
            }
        } finally {
            for (Process server : servers) {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    /** The two servers' addresses and a key with the roles the checks need. */
    private record TwoServers(java.net.http.HttpClient http, List<String> bases, String key) {

        java.net.http.HttpResponse<String> get(int server, String path) throws IOException, InterruptedException {
            return send(http, bases.get(server) + path, key, null, null);
        }

        java.net.http.HttpResponse<String> post(int server, String path, String json) throws IOException, InterruptedException {
            return send(http, bases.get(server) + path, key, "application/json", json);
        }

        /** The rule ids of a screening of {@code order} on {@code server}, stored (201). */
        List<String> ruleIds(int server, com.fasterxml.jackson.databind.node.ObjectNode order) throws IOException, InterruptedException {
            var screening = post(server, "/api/v1/screenings", order.put("id", "IT-2S-" + java.util.UUID.randomUUID()).toString());
            assertThat(screening.statusCode()).as(screening.body()).isEqualTo(201);
            List<String> ids = new ArrayList<>();
            JSON.readTree(screening.body()).get("findings").forEach(f -> ids.add(f.get("rule_id").asText()));
            return ids;
        }

        /** Screens {@code order} on {@code server} until {@code rule} is (or is no longer) found, for at most 15 s. */
        boolean eventuallyFinds(int server, com.fasterxml.jackson.databind.node.ObjectNode order, String rule, boolean found)
                throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (ruleIds(server, order).contains(rule) != found) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(250);
            }
            return true;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * A list the CLI imports: both servers search it, screen against it and report its version as ready; a match one
     * server's officer dismisses, the other server no longer finds.
     */
    private static void listsAndDismissals(TwoServers both, Path jar, List<String> db) throws Exception {
        var order = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                Files.readString(Path.of("examples/orders/03-italian-furniture-to-kazakhstan-clear.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) order.get("buyer")).put("name", "Atlas Sanatgaran").put("country", "AM");
        String search = "/api/v1/parties/search?name=Atlas%20Sanatgaran";
        for (int server = 0; server < 2; server++) {
            assertThat(both.get(server, search).body()).as("server %d", server).contains("\"indexed_entries\":0");
            assertThat(both.ruleIds(server, order)).as("server %d, no list yet", server).doesNotContain("US-LIST-UVL-01");
        }

        Run imported = clearance(jar, db, new byte[0], "lists", "import", "src/test/resources/lists/csl/consolidated.csv",
                "--source", "csl");
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        // Each server compares the database's list versions with those of its index before answering.
        String found = null;
        for (int server = 0; server < 2; server++) {
            var response = both.get(server, search);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).as("server %d", server).contains("\"entry_name\":\"Atlas Sanatgaran\"")
                    .doesNotContain("\"indexed_entries\":0");
            found = response.body();
            assertThat(both.ruleIds(server, order)).as("server %d screens against the list", server).contains("US-LIST-UVL-01");
            assertThat(both.get(server, "/q/health/ready").body()).as("server %d reports the list", server).contains("\"csl\"");
        }

        var match = JSON.readTree(found).get("matches").get(0);
        var dismissal = both.post(0, "/api/v1/parties/dismissals", JSON.createObjectNode()
                .put("party_name", "Atlas Sanatgaran").put("party_country", "AM")
                .put("list", match.get("list").asText()).put("source_id", match.get("source_id").asText())
                .put("reason", "Different company: an Armenian furniture importer, registry entry checked").toString());
        assertThat(dismissal.statusCode()).as(dismissal.body()).isEqualTo(201);
        assertThat(both.eventuallyFinds(1, order, "US-LIST-UVL-01", false))
                .as("the other server no longer finds the match one server's officer dismissed").isTrue();
    }

    /** Trade statistics the CLI imports: both servers screen with the country risk computed from them. */
    private static void tradeStatistics(TwoServers both, Path jar, List<String> db) throws Exception {
        var chips = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                Files.readString(Path.of("rules/bases/eu-chips-to-kazakhstan.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) chips.get("buyer")).put("country", "AM");
        for (int server = 0; server < 2; server++) {
            assertThat(both.ruleIds(server, chips)).as("server %d, no statistics yet", server).doesNotContain("ALL-TRD-01");
        }
        Run traded = clearance(jar, db, new byte[0], "trade", "import", "examples/trade/comtrade-chp-synthetic.csv");
        assertThat(traded.exitCode()).as(traded.err()).isZero();
        for (int server = 0; server < 2; server++) {
            assertThat(both.eventuallyFinds(server, chips, "ALL-TRD-01", true)).as("server %d sees the statistics", server).isTrue();
        }
    }

    /** A licence registered on one server covers an order screened on the other; shipping there uses it up for both. */
    private static void licences(TwoServers both) throws Exception {
        String reference = "T-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        var registered = both.post(0, "/api/v1/licences", """
                {"jurisdiction": "US", "reference": "%s",
                 "holder": {"name": "Cascade Storage Inc.", "country": "US"},
                 "items": ["eccn:5A992"], "destinations": ["RU"],
                 "consignees": [{"name": "OOO Volzhsky Pribor", "country": "RU"}],
                 "end_users": [{"name": "OOO Volzhsky Pribor", "country": "RU"}],
                 "quantity": 3000, "quantity_unit": "pcs", "value": 1000000, "value_currency": "USD",
                 "valid_from": "2024-01-01", "valid_until": "2099-12-31",
                 "conditions": "No re-export without prior BIS authorisation"}""".formatted(reference));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var order = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree("""
                {"id": "LIC", "date": "2025-03-10",
                 "seller": {"name": "Cascade Storage Inc.", "country": "US"},
                 "buyer": {"name": "OOO Volzhsky Pribor", "country": "RU"},
                 "end_user": {"name": "OOO Volzhsky Pribor", "country": "RU"},
                 "route": ["US", "RU"],
                 "lines": [{"description": "USB flash drives, 64 GB", "hs_code": "8523.51.10", "eccn": "5A992.c",
                            "quantity": 3000, "unit": "pcs", "value": 30000, "currency": "USD"}],
                 "authorisations": [{"jurisdiction": "US", "type": "licence", "reference": "%s"}]}""".formatted(reference));

        var screening = both.post(1, "/api/v1/screenings", order.put("id", "IT-LIC-1").toString());
        assertThat(screening.statusCode()).as(screening.body()).isEqualTo(201);
        assertThat(screening.body()).as("the other server screens with the licence").contains("ALL-AUTH-COVER-01").contains(reference);
        String id = JSON.readTree(screening.body()).get("id").asText();
        var shipped = both.post(1, "/api/v1/screenings/" + id + "/shipped", "{}");
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);

        var remaining = both.get(0, "/api/v1/licences?reference=" + reference);
        assertThat(JSON.readTree(remaining.body()).get(0).get("quantity_remaining").asInt()).as(remaining.body()).isZero();
        var next = both.post(0, "/api/v1/screenings", order.put("id", "IT-LIC-2").toString());
        assertThat(next.body()).as("used up on the other server").contains("ALL-AUTH-QUANTITY-01").doesNotContain("ALL-AUTH-COVER-01");
    }

    private static void awaitServing(java.net.http.HttpClient http, String base, String key, Path log) throws Exception {
        assertThat(livePack(http, base + "/api/v1/rules", key, null, 180))
                .as("%s serves; its log ends:%n%s", base, tail(log)).isNotNull();
    }

    /** The pack GET /api/v1/rules shows, once it is {@code expected} (any pack when null) or the time is up. */
    private static String livePack(java.net.http.HttpClient http, String url, String key, String expected, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String hash = null;
        while (System.nanoTime() < deadline) {
            try {
                var response = send(http, url, key, null, null);
                if (response.statusCode() == 200) {
                    hash = response.body().replaceAll("(?s).*\"rule_pack\"\\s*:\\s*\"([0-9a-f]{64})\".*", "$1");
                    if (expected == null || expected.equals(hash)) {
                        return hash;
                    }
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return hash;
    }

    /** The last lines of a server's log, for a failure message. */
    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static Path packCopy(Path pack) throws IOException {
        Path copy = Files.createTempDirectory("clearance-it-pack-").resolve("rules");
        org.clearance.rules.FileTrees.copy(pack, copy);
        return copy;
    }

    private static void assertLoopbackOnly(int port) throws IOException {
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
                    try (java.net.Socket socket = new java.net.Socket()) {
                        socket.connect(new java.net.InetSocketAddress(address, port), 2000);
                        throw new AssertionError("the server answers on " + address + ", not only on loopback");
                    } catch (java.net.ConnectException | java.net.SocketTimeoutException expected) {
                        // refused: nothing listens there
                    }
                }
            }
        }
    }

    private static java.net.http.HttpResponse<String> send(java.net.http.HttpClient http, String url, String key,
                                                           String contentType, String body)
            throws IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(java.time.Duration.ofSeconds(60));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            request.header("Content-Type", contentType).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRefuseToServeAHostilePackWithoutRunningAnyOfIt() throws Exception {
        HostilePacks.clearMarkers();
        for (List<String> files : List.of(HostilePacks.sourceRefused(), List.copyOf(HostilePacks.COMPILED))) {
            Path pack = HostilePacks.pack(Files.createTempDirectory("hostile"), files);

            Run run = clearance(new byte[0], "-Dquarkus.http.port=0", "serve", "--rules", pack.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
            assertThat(run.err()).contains(HostilePacks.expected(files)).doesNotContain("\tat ");
        }
        assertThat(HostilePacks.markersPresent()).isEmpty();
    }

    private static Run clearance(byte[] stdin, String... args) throws IOException, InterruptedException {
        return clearance("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:./target/it-db/clearance;AUTO_SERVER=TRUE", stdin, args);
    }

    private static Run clearance(String database, byte[] stdin, String... args) throws IOException, InterruptedException {
        return clearance(JAR, List.of(database), stdin, args);
    }

    private static Run clearance(Path jar, List<String> database, byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = org.clearance.testing.PackagedJar.java();
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("-D") ? command : rest).add(arg);
        }
        command.addAll(database);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(rest);
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().write(stdin);
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("clearance did not finish: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
