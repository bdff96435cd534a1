package org.clearance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import org.clearance.config.ClearanceConfig;
import org.clearance.rules.reload.ReloadConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests under deploy/kubernetes parse and say what operations.md promises. */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("deploy/kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, JsonNode> BY_KIND = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        for (String file : resources()) {
            JsonNode manifest = YAML.readTree(DIR.resolve(file).toFile());
            BY_KIND.put(manifest.path("kind").asText(), manifest);
        }
        BY_KIND.put("Secret", YAML.readTree(DIR.resolve("secret.example.yaml").toFile()));
    }

    private static List<String> resources() throws IOException {
        List<String> files = new ArrayList<>();
        YAML.readTree(DIR.resolve("kustomization.yaml").toFile()).path("resources").forEach(r -> files.add(r.asText()));
        return files;
    }

    @Test
    void shouldListEveryManifestInTheKustomizationExceptTheSecretExample() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> manifests = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml") && !f.equals("secret.example.yaml"))
                    .toList();
            assertThat(resources()).containsExactlyInAnyOrderElementsOf(manifests);
        }
        assertThat(BY_KIND).containsKeys("Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "Secret");
    }

    @Test
    void shouldRunSeveralReplicasWithHealthProbesAndRequestsMatchingTheMeasuredMemory() {
        JsonNode deployment = BY_KIND.get("Deployment");
        assertThat(deployment.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode container = container();
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.path("resources").path("requests").path("memory").asText()).isEqualTo("640Mi");
        assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
        String selector = deployment.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText();
        assertThat(deployment.path("spec").path("template").path("metadata").path("labels")
                .path("app.kubernetes.io/name").asText()).isEqualTo(selector);
        assertThat(BY_KIND.get("Service").path("spec").path("selector").path("app.kubernetes.io/name").asText()).isEqualTo(selector);
        assertThat(BY_KIND.get("PodDisruptionBudget").path("spec").path("selector").path("matchLabels")
                .path("app.kubernetes.io/name").asText()).isEqualTo(selector);
        assertThat(BY_KIND.get("PodDisruptionBudget").path("spec").path("maxUnavailable").asInt())
                .isLessThan(deployment.path("spec").path("replicas").asInt());
    }

    @Test
    void shouldTakeSettingsFromTheConfigMapAndSecretsFromTheSecretWithNoRulesFolderWatchedPerPod() {
        JsonNode container = container();
        String configMap = BY_KIND.get("ConfigMap").path("metadata").path("name").asText();
        assertThat(container.path("envFrom").findValuesAsText("name")).contains(configMap);
        JsonNode config = BY_KIND.get("ConfigMap").path("data");
        assertThat(config.path("CLEARANCE_RELOAD_WATCH").asText()).isEqualTo("false");
        assertThat(config.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).startsWith("jdbc:postgresql://");

        Map<String, String> fromSecret = new HashMap<>();
        container.path("env").forEach(env -> {
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                fromSecret.put(env.path("name").asText(), ref.path("name").asText());
            }
        });
        String secret = BY_KIND.get("Secret").path("metadata").path("name").asText();
        assertThat(fromSecret).containsOnlyKeys("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "QUARKUS_OIDC_CLIENT_ID", "QUARKUS_OIDC_CREDENTIALS_SECRET", "CLEARANCE_SECURITY_API_KEY_PEPPER");
        assertThat(fromSecret.values()).containsOnly(secret);
        BY_KIND.get("Secret").path("stringData").fieldNames().forEachRemaining(key -> assertThat(fromSecret).containsKey(key));
        // No secret value in the ConfigMap.
        config.fieldNames().forEachRemaining(key -> assertThat(key).doesNotContain("PASSWORD", "SECRET", "PEPPER"));
    }

    @Test
    void shouldFollowTheActivePackWithNoFolderWatcherUnderTheNamesTheServerReads() {
        // The ConfigMap's variables read through the server's own config mappings: a misspelt name would leave the
        // watcher on (its default) and this would fail.
        Map<String, String> env = new HashMap<>();
        BY_KIND.get("ConfigMap").path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(env, 300))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(ReloadConfig.class)
                .withMapping(ClearanceConfig.class)
                .build();

        assertThat(config.getConfigMapping(ReloadConfig.class).watch()).as("clearance.reload.watch").isFalse();
        assertThat(config.getConfigMapping(ClearanceConfig.class).rules().activePoll()).as("clearance.rules.active-poll")
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(env).containsKeys("CLEARANCE_RELOAD_WATCH", "CLEARANCE_RULES_ACTIVE_POLL");
    }

    private static JsonNode container() {
        return BY_KIND.get("Deployment").path("spec").path("template").path("spec").path("containers").get(0);
    }
}
