package org.clearance.packs.subscriptions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.clearance.audit.AuditAction;
import org.clearance.packs.PackBuilder;
import org.clearance.packs.PackSplit;
import org.clearance.packs.PackDescription;
import org.clearance.packs.PackKeys;
import org.clearance.packs.SigningKey;
import org.clearance.rules.FileTrees;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.active.ActivePack;
import org.clearance.rules.active.RulePackActivation;
import org.clearance.security.CreatedApiKey;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscription end to end: a bundle built and signed with the real builder and keys, served by an HTTP server in the
 * test, polled, verified, checked and proposed, then activated by a rule author over HTTP; auto-activation audited as
 * the subscription; a tampered bundle, an untrusted key and a failing server refused with the reason, nothing
 * installed, the active pack unchanged and the error in health. On the small reload pack.
 */
@QuarkusTest
class PackSubscriptionTest {

    private static final Path SMALL_PACK = Path.of("src/test/resources/reload-pack").toAbsolutePath();
    private static final Path SUBSCRIBED = Path.of("target/test-subscribed-packs");

    @Inject
    PackSubscriptionPoller poller;

    @Inject
    SubscriptionBoard board;

    @Inject
    org.clearance.rules.RulePackRegistry registry;

    @Inject
    RulePackActivation activations;

    @Inject
    EntityManager em;

    @TempDir
    Path dir;

    private HttpServer server;
    /** What the server answers, by path: a file's bytes, or null for HTTP 500. */
    private final Map<String, Path> served = new LinkedHashMap<>();
    private String base;
    /** A pack name of this test alone, so that its versions never meet another test's in the subscription folder. */
    private String pack;
    private SigningKey publisher;
    private Path publisherKey;

    @BeforeEach
    void serve() throws IOException {
        clearActivePack();
        pack = "sub-" + UUID.randomUUID().toString().substring(0, 8);
        publisher = newKey();
        publisherKey = trustFile("publisher", publisher);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = served.get(exchange.getRequestURI().getPath());
            byte[] body = file == null ? "broken".getBytes() : Files.readAllBytes(file);
            exchange.sendResponseHeaders(file == null ? 500 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        FileTrees.deleteQuietly(SUBSCRIBED.resolve(pack));
        clearActivePack();
    }

    @Test
    void shouldProposeAPulledVersionAndActivateItForTheRuleAuthorWhoAsks() {
        serveAt("/pack.tar.gz", bundle("1.4.0", publisher));
        String name = subscribe("/pack.tar.gz", false);

        SubscriptionStatus status = poller.poll(name);

        assertThat(status.lastError()).isNull();
        assertThat(status.lastSuccess()).isNotNull();
        ProposedVersion proposed = status.proposed();
        assertThat(proposed.pack()).isEqualTo(pack);
        assertThat(proposed.version()).isEqualTo("1.4.0");
        assertThat(proposed.publisher()).isEqualTo("Test Authority");
        assertThat(proposed.keyId()).isEqualTo(PackKeys.keyId(publisher.publicKey()));
        assertThat(proposed.testsPassed()).isPositive();
        Path installed = SUBSCRIBED.resolve(pack).resolve("1.4.0");
        assertThat(installed.resolve("eu/no-russia-clause.drl")).exists();
        assertThat(activations.active()).as("proposed, not active").isEmpty();

        TestKeys.as(Roles.RULE_AUTHOR).get("/api/v1/packs/subscriptions").then().statusCode(200)
                .body("subscriptions.find { it.name == '" + name + "' }.proposed.version", equalTo("1.4.0"))
                .body("subscriptions.find { it.name == '" + name + "' }.proposed.key_id", equalTo(proposed.keyId()));
        TestKeys.as(Roles.OFFICER).post("/api/v1/packs/subscriptions/" + name + "/activate").then().statusCode(403);

        CreatedApiKey author = TestKeys.created(Roles.RULE_AUTHOR);
        TestKeys.with(author.secret()).contentType("application/json").body("{\"activated_by\":\"someone-else\"}")
                .post("/api/v1/packs/subscriptions/" + name + "/activate").then().statusCode(200)
                .body("activated.version", equalTo("1.4.0"))
                .body("activated.activated_by", equalTo("key:" + author.key().name()))
                .body("proposed", equalTo(null));

        String hash = RulePackLoader.load(installed).hash();
        assertThat(activations.active()).map(ActivePack::hash).contains(hash);
        assertThat(activationAudits("key:" + author.key().name(), hash)).as("audited with the caller's identity").isEqualTo(1);
        TestKeys.as(Roles.RULE_AUTHOR).post("/api/v1/packs/subscriptions/" + name + "/activate").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://clearance.dev/problems/nothing-proposed"));

        SubscriptionStatus again = poller.poll(name);
        assertThat(again.lastError()).isNull();
        assertThat(again.proposed()).as("an activated version is not proposed again").isNull();
        String sameSource = subscribe("/pack.tar.gz", false); // as after a restart: the version is unpacked and active
        SubscriptionStatus afterRestart = poller.poll(sameSource);
        assertThat(afterRestart.proposed()).as("the active version is not proposed").isNull();
        assertThat(afterRestart.activated().rulePack()).isEqualTo(hash);
        assertThat(afterRestart.activated().activatedBy()).isEqualTo("key:" + author.key().name());
    }

    @Test
    void shouldActivateAutomaticallyAsTheSubscriptionWhenConfigured() {
        serveAt("/pack.tar.gz", bundle("1.4.0", publisher));
        String name = subscribe("/pack.tar.gz", true);

        SubscriptionStatus status = poller.poll(name);

        assertThat(status.lastError()).isNull();
        assertThat(status.proposed()).isNull();
        assertThat(status.activated().version()).isEqualTo("1.4.0");
        assertThat(status.activated().activatedBy()).isEqualTo("system:subscription:" + name);
        String hash = RulePackLoader.load(SUBSCRIBED.resolve(pack).resolve("1.4.0")).hash();
        assertThat(activations.active()).map(ActivePack::hash).contains(hash);
        assertThat(activationAudits("system:subscription:" + name, hash)).isEqualTo(1);
    }

    @Test
    void shouldTestALayerStackedOnItsPulledBaseAndNeverActivateItAlone() throws IOException {
        Path folder = dir.resolve("split");
        FileTrees.copy(SMALL_PACK, folder);
        String layer = pack + "-us";
        Files.writeString(folder.resolve(PackSplit.FILE), """
                version: 2.0.0
                publisher: Test Authority
                bundles:
                  - name: %s
                    jurisdictions: [EU]
                    folders: [eu, bases]
                  - name: %s
                    jurisdictions: [US]
                    requires: [%1$s]
                    folders: [us]
                """.formatted(pack, layer));
        Path dist = dir.resolve("dist");
        PackSplit.build(folder, publisher, dist);
        serveAt("/base.tar.gz", dist.resolve(pack + "-2.0.0.tar.gz"));
        serveAt("/layer.tar.gz", dist.resolve(layer + "-2.0.0.tar.gz"));
        String layerSubscription = subscribe("/layer.tar.gz", true);
        try {
            SubscriptionStatus withoutBase = poller.poll(layerSubscription);
            assertThat(withoutBase.lastError()).contains(layer + " 2.0.0 builds on " + pack + " 2.0.0 or a later 2.x, which "
                    + "is not pulled into", "nothing was installed");
            assertThat(SUBSCRIBED.resolve(layer).resolve("2.0.0")).doesNotExist();

            assertThat(poller.poll(subscribe("/base.tar.gz", false)).proposed().version()).isEqualTo("2.0.0");
            SubscriptionStatus stacked = poller.poll(layerSubscription);

            assertThat(stacked.lastError()).isNull();
            assertThat(stacked.proposed().version()).as("proposed despite auto-activate: a layer").isEqualTo("2.0.0");
            assertThat(activations.active()).isEmpty();
            TestKeys.as(Roles.RULE_AUTHOR).post("/api/v1/packs/subscriptions/" + layerSubscription + "/activate").then()
                    .statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://clearance.dev/problems/layer-needs-stack"))
                    .body("detail", containsString("builds on " + pack + " 2.0.0 or a later 2.x"));
            assertThat(activations.active()).isEmpty();
        } finally {
            FileTrees.deleteQuietly(SUBSCRIBED.resolve(layer));
        }
    }

    @Test
    void shouldOnlyProposeWhenTheRulesFolderIsAnOverlayForItWouldDropTheCompanysRules() throws IOException {
        serveAt("/pack.tar.gz", bundle("1.4.0", publisher));
        String name = subscribe("/pack.tar.gz", true);
        Path overlay = Files.createDirectories(dir.resolve("overlay"));
        Files.writeString(overlay.resolve("stack.yaml"), "bases:\n  - " + SMALL_PACK + "\n");
        Path configured = registry.folder();
        registry.useFolder(overlay);
        try {
            SubscriptionStatus status = poller.poll(name);

            assertThat(status.lastError()).isNull();
            assertThat(status.proposed().version()).as("proposed despite auto-activate").isEqualTo("1.4.0");
            assertThat(activations.active()).isEmpty();
            TestKeys.as(Roles.RULE_AUTHOR).post("/api/v1/packs/subscriptions/" + name + "/activate").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://clearance.dev/problems/overlay-in-use"))
                    .body("detail", containsString("Point its stack.yaml at"));
            assertThat(activations.active()).isEmpty();
        } finally {
            registry.useFolder(configured);
        }
    }

    @Test
    void shouldRefuseATamperedBundleAndKeepTheActivePack() throws IOException {
        Optional<ActivePack> before = activateAVersionFirst();
        Path tampered = changeOneByte(bundle("1.5.0", publisher), "eu/no-russia-clause.drl");
        serveAt("/pack.tar.gz", tampered);
        String name = subscribe("/pack.tar.gz", false);

        SubscriptionStatus status = poller.poll(name);

        assertThat(status.lastError()).as("names the URL, not the download's temporary file")
                .startsWith("refused: " + base + "/pack.tar.gz does not match its signed manifest: eu/no-russia-clause.drl "
                        + "has SHA-256 ").endsWith(": the file was changed");
        assertThat(status.lastErrorKind()).isEqualTo(FailureKind.REFUSED);
        assertRefused(name, status, before);
    }

    @Test
    void shouldRefuseABundleSignedByAKeyTheSubscriptionDoesNotTrust() {
        Optional<ActivePack> before = activateAVersionFirst();
        serveAt("/pack.tar.gz", bundle("1.5.0", newKey()));
        String name = subscribe("/pack.tar.gz", false);

        SubscriptionStatus status = poller.poll(name);

        assertThat(status.lastError()).startsWith("refused: .signatures.json holds no signature by a trusted key");
        assertThat(status.lastErrorKind()).isEqualTo(FailureKind.REFUSED);
        assertRefused(name, status, before);
    }

    @Test
    void shouldRefuseAVersionWhoseRuleTestsFailAndRemoveWhatItUnpacked() throws IOException {
        Optional<ActivePack> before = activateAVersionFirst();
        Path broken = dir.resolve("broken-pack");
        FileTrees.copy(SMALL_PACK, broken);
        Path tests = broken.resolve("us/crimea.tests.yaml");
        Files.writeString(tests, Files.readString(tests).replaceFirst("decision: BLOCK", "decision: CLEAR"));
        Path bundle = dir.resolve("failing.tar.gz");
        PackBuilder.build(broken, new PackDescription(pack, "1.5.0", "Test Authority", List.of("EU", "US"), null),
                publisher, bundle);
        serveAt("/pack.tar.gz", bundle);
        String name = subscribe("/pack.tar.gz", false);

        SubscriptionStatus status = poller.poll(name);

        assertThat(status.lastError()).startsWith(pack + " 1.5.0 was refused: it fails its checks (")
                .contains("Buyer in Ukraine").endsWith("); nothing was installed");
        assertThat(status.lastErrorKind()).isEqualTo(FailureKind.CHECKS);
        assertRefused(name, status, before);
    }

    @Test
    void shouldKeepTheActivePackAndShowTheErrorWhenTheServerFails() {
        Optional<ActivePack> before = activateAVersionFirst();
        String name = subscribe("/broken.tar.gz", false);

        SubscriptionStatus status = poller.poll(name);

        assertThat(status.lastError()).isEqualTo(base + "/broken.tar.gz answered HTTP 500");
        assertThat(PackSubscriptionsHealthCheck.error(status)).isEqualTo("the bundle could not be fetched: " + base
                + "/broken.tar.gz answered HTTP 500");
        assertRefused(name, status, before);
    }

    @Test
    void shouldTakeTheNewestBundleOfAFolderAndRefuseADowngrade() {
        Path folder = dir.resolve("mirror");
        bundleInto(folder, "1.4.0");
        bundleInto(folder, "1.10.0"); // newer by version, though "1.4.0" sorts after it as text
        String name = "folder-" + pack;
        board.add(new PackSubscription(name, folder.toString(), List.of(publisherKey), Duration.ofHours(6), false));

        assertThat(poller.poll(name).proposed().version()).isEqualTo("1.10.0");

        String older = "older-" + pack;
        board.add(new PackSubscription(older, folder.resolve("1.4.0.tar.gz").toString(), List.of(publisherKey),
                Duration.ofHours(6), false));
        SubscriptionStatus refused = poller.poll(older);
        assertThat(refused.lastError()).startsWith("refused: ").contains("downgrade");
        assertThat(SUBSCRIBED.resolve(pack).resolve("1.4.0")).doesNotExist();
    }

    /** Nothing installed, the active pack as it was, the reason in the status endpoint and in health, still ready. */
    private void assertRefused(String name, SubscriptionStatus status, Optional<ActivePack> before) {
        assertThat(status.proposed()).isNull();
        assertThat(SUBSCRIBED.resolve(pack).resolve("1.5.0")).doesNotExist();
        assertThat(activations.active()).isEqualTo(before);
        TestKeys.as(Roles.AUDITOR).get("/api/v1/packs/subscriptions").then().statusCode(200)
                .body("subscriptions.find { it.name == '" + name + "' }.last_error", equalTo(status.lastError()));
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        Map<String, Object> data = health.getMap("checks.find { it.name == 'pack-subscriptions' }.data");
        assertThat(data.get("status")).isEqualTo("degraded");
        assertThat((String) data.get("reason")).contains(name + ": " + status.lastErrorKind().summary());
        assertThat((String) data.get(name)).isEqualTo("failed: " + PackSubscriptionsHealthCheck.error(status));
        assertThat(health.prettify()).as("public: no pack files or server folders").doesNotContain(".drl", ".yaml",
                SUBSCRIBED.toString(), System.getProperty("user.dir"));
    }

    /** Version 1.4.0 of this test's pack, activated through its own auto-activating subscription. */
    private Optional<ActivePack> activateAVersionFirst() {
        serveAt("/first.tar.gz", bundle("1.4.0", publisher));
        SubscriptionStatus first = poller.poll(subscribe("/first.tar.gz", true));
        assertThat(first.activated()).isNotNull();
        return activations.active();
    }

    private String subscribe(String path, boolean autoActivate) {
        String name = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        board.add(new PackSubscription(name, base + path, List.of(publisherKey), Duration.ofHours(6), autoActivate));
        return name;
    }

    private void serveAt(String path, Path file) {
        served.put(path, file);
    }

    private Path bundle(String version, SigningKey key) {
        Path output = dir.resolve(UUID.randomUUID() + ".tar.gz");
        PackBuilder.build(SMALL_PACK, new PackDescription(pack, version, "Test Authority", List.of("EU", "US"), null), key, output);
        return output;
    }

    private void bundleInto(Path folder, String version) {
        try {
            Files.createDirectories(folder);
            Files.move(bundle(version, publisher), folder.resolve(version + ".tar.gz"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path trustFile(String label, SigningKey key) throws IOException {
        Path file = dir.resolve(label + ".pub");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return file;
    }

    private static SigningKey newKey() {
        var pair = PackKeys.generate(PackKeys.Algorithm.ED25519);
        return new SigningKey(pair.getPrivate(), pair.getPublic());
    }

    /** The bundle with one byte of {@code path} changed, everything else (manifest, signature) as signed. */
    private Path changeOneByte(Path bundle, String path) throws IOException {
        Path tampered = dir.resolve("tampered.tar.gz");
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(bundle)));
             TarArchiveOutputStream out = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(tampered)))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(path)) {
                    bytes[bytes.length / 2] ^= 1;
                }
                out.putArchiveEntry(entry);
                out.write(bytes);
                out.closeArchiveEntry();
            }
        }
        return tampered;
    }

    private long activationAudits(String actor, String hash) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM audit_event WHERE action = ?1 AND subject = ?2 AND actor = ?3")
                .setParameter(1, AuditAction.RULE_PACK_ACTIVATED).setParameter(2, hash).setParameter(3, actor)
                .getSingleResult()).longValue());
    }

    /** As on a fresh install: other test classes expect no active pack. */
    private void clearActivePack() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM active_rule_pack").executeUpdate());
    }
}
