package org.clearance.lists;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Readiness names each list's version and age, and says which required or stale list it misses. */
@QuarkusTest
class ListsHealthTest {

    @Test
    void shouldSayDegradedNamingTheRequiredListThatIsMissing() {
        // application.properties (%test) requires a source no test imports.
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'lists' }.data.status", equalTo("degraded"))
                .body("checks.find { it.name == 'lists' }.data.reason",
                        equalTo("required list health-required has no active version"));
    }

    @Test
    void shouldShowEachListsVersionAndSayWhichIsOlderThanItsMaximum() {
        ListVersionView fresh = version("csl", Duration.ofDays(2));
        ListVersionView stale = version("uk", Duration.ofDays(40));
        ListsHealthCheck check = new ListsHealthCheck(catalogOf(fresh, stale), config(Map.of(
                "csl", source(true, Duration.ofDays(8)), "uk", source(false, Duration.ofDays(30)))));

        HealthCheckResponse response = check.call();

        Map<String, Object> data = response.getData().orElseThrow();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(data.get("csl")).isEqualTo("version " + "a".repeat(12) + ", 10 entries, 2 days old");
        assertThat(data.get("status")).isEqualTo("degraded");
        assertThat(data.get("reason")).isEqualTo("list uk is 40 days old, more than its maximum of 30 days");

        ListsHealthCheck allFresh = new ListsHealthCheck(catalogOf(fresh), config(Map.of("csl", source(true, Duration.ofDays(8)))));
        assertThat(allFresh.call().getData().orElseThrow()).containsEntry("status", "ok").doesNotContainKey("reason");
    }

    private static ListVersionView version(String source, Duration age) {
        return new ListVersionView(source, ListFormat.values()[0], "a".repeat(64), null, Instant.now().minus(age), 10,
                true, age.getSeconds());
    }

    private static ListCatalog catalogOf(ListVersionView... versions) {
        return new ListCatalog() {
            @Override
            public List<ListVersionView> active() {
                return List.of(versions);
            }
        };
    }

    private static ListsConfig.Source source(boolean required, Duration maxAge) {
        return new ListsConfig.Source() {
            public boolean required() {
                return required;
            }

            public Optional<Duration> maxAge() {
                return Optional.of(maxAge);
            }

            public Optional<String> url() {
                return Optional.empty();
            }

            public Optional<ListFormat> format() {
                return Optional.empty();
            }

            public Duration every() {
                return Duration.ofHours(24);
            }
        };
    }

    private static ListsConfig config(Map<String, ListsConfig.Source> sources) {
        return new ListsConfig() {
            public double threshold() {
                return 0.8;
            }

            public double strongScore() {
                return 0.9;
            }

            public int matchesPerParty() {
                return 5;
            }

            public int maxSearchResults() {
                return 100;
            }

            public double maxShrinkShare() {
                return 0.2;
            }

            public java.util.List<org.clearance.facts.Jurisdiction> unmappedListJurisdictions() {
                return java.util.List.of(org.clearance.facts.Jurisdiction.ALL);
            }

            public Map<String, Source> sources() {
                return sources;
            }
        };
    }
}
