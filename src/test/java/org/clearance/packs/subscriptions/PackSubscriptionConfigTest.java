package org.clearance.packs.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.clearance.packs.PackKeys;
import org.clearance.packs.PacksConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions as configured: the keys map as docs/packs.md shows them, beside the other {@code clearance.packs.} keys,
 * and every mistake becomes a clear reason on the subscription instead of a failed start.
 */
class PackSubscriptionConfigTest {

    @TempDir
    Path dir;

    private String key;
    private final Map<String, String> properties = new HashMap<>();

    @BeforeEach
    void publisherKey() throws IOException {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        PackKeys.writePair(keys.resolve("acme"), PackKeys.generate(PackKeys.Algorithm.ED25519));
        key = keys.resolve("acme.pub").toString();
    }

    @Test
    void shouldReadASubscriptionWithItsKeysAndDefaults() {
        set("acme", "source", "https://packs.example.com/acme/clearance-legal.tar.gz");
        set("acme", "trust", key + "," + key);
        set("local", "source", dir.toString());
        set("local", "trust", key);
        set("local", "every", "30m");
        set("local", "auto-activate", "true");
        properties.put("clearance.packs.max-entries", "20000");

        SubscriptionBoard board = board();

        assertThat(board.statuses()).extracting(SubscriptionStatus::lastError).containsOnlyNulls();
        PackSubscription acme = board.subscription("acme").orElseThrow();
        assertThat(acme.every()).hasHours(6);
        assertThat(acme.autoActivate()).isFalse();
        assertThat(acme.trust()).hasSize(2);
        PackSubscription local = board.subscription("local").orElseThrow();
        assertThat(local.every()).hasMinutes(30);
        assertThat(local.autoActivate()).isTrue();
        assertThat(local.isFolder()).isTrue();
    }

    @Test
    void shouldShowEachMisconfiguredSubscriptionWithItsReasonAndPollNone() {
        set("ftp", "source", "ftp://packs.example.com/acme.tar.gz");
        set("ftp", "trust", key);
        set("plain", "source", "http://packs.example.com/acme.tar.gz");
        set("plain", "trust", key);
        set("nokey", "source", "https://packs.example.com/acme.tar.gz");
        set("missingkey", "source", "https://packs.example.com/acme.tar.gz");
        set("missingkey", "trust", dir.resolve("keys/nobody.pub").toString());
        set("nosource", "trust", key);
        set("often", "source", "https://packs.example.com/acme.tar.gz");
        set("often", "trust", key);
        set("often", "every", "10s");
        set("typo", "source", "https://packs.example.com/acme.tar.gz");
        set("typo", "trust", key);
        set("typo", "every", "6 hours");
        set("yes", "source", "https://packs.example.com/acme.tar.gz");
        set("yes", "trust", key);
        set("yes", "auto-activate", "yes");
        set("status", "source", "https://packs.example.com/acme.tar.gz");
        set("status", "trust", key);

        SubscriptionBoard board = board();

        assertThat(board.pollable()).isEmpty();
        assertThat(error(board, "ftp")).isEqualTo("subscription ftp: clearance.packs.subscriptions.ftp.source: "
                + "'ftp://packs.example.com/acme.tar.gz' is not an https:// URL; a bundle is downloaded over HTTPS only "
                + "(or name a local file)");
        assertThat(error(board, "plain")).contains("HTTPS is required; plain http:// is accepted only for this machine");
        assertThat(error(board, "nokey")).isEqualTo("subscription nokey: no trusted key: set "
                + "clearance.packs.subscriptions.nokey.trust to the publisher's .pub file (several separated by commas)");
        assertThat(error(board, "missingkey")).startsWith("subscription missingkey: clearance.packs.subscriptions.missingkey.trust: ")
                .contains("nobody.pub");
        assertThat(error(board, "nosource")).startsWith("subscription nosource: no source: set clearance.packs.subscriptions.nosource.source");
        assertThat(error(board, "often")).isEqualTo("subscription often: clearance.packs.subscriptions.often.every is PT10S; "
                + "poll at most once a minute");
        assertThat(error(board, "typo")).isEqualTo("subscription typo: clearance.packs.subscriptions.typo.every is "
                + "'6 hours', not a duration such as 6h, 30m or 1d");
        assertThat(error(board, "yes")).isEqualTo("subscription yes: clearance.packs.subscriptions.yes.auto-activate is "
                + "'yes'; it is true or false");
        assertThat(error(board, "status")).isEqualTo("subscription status: 'status' and 'reason' cannot name a subscription");
        assertThat(board.statuses()).extracting(SubscriptionStatus::lastErrorKind).containsOnly(FailureKind.CONFIGURATION);
    }

    @Test
    void shouldShowASourceWithoutItsCredentials() {
        set("secret", "source", "https://user:s3cret@packs.example.com/acme.tar.gz?token=abc");
        set("secret", "trust", key);

        SubscriptionStatus status = board().statuses().get(0);

        assertThat(status.source()).isEqualTo("https://packs.example.com/acme.tar.gz?…").doesNotContain("s3cret", "abc");
    }

    private void set(String name, String property, String value) {
        properties.put("clearance.packs.subscriptions." + name + "." + property, value);
    }

    /** The board as the server builds it, from the mappings of both interfaces under clearance.packs. */
    private SubscriptionBoard board() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(PacksConfig.class)
                .withMapping(PackSubscriptionsConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return new SubscriptionBoard(config.getConfigMapping(PackSubscriptionsConfig.class));
    }

    private static String error(SubscriptionBoard board, String name) {
        return board.status(name).orElseThrow().lastError();
    }
}
