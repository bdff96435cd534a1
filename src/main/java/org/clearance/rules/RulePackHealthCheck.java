package org.clearance.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only with a loaded rule pack; reports its hash and size. After a rejected reload the check stays UP
 * (the previous pack serves correctly, so taking the instance out of a load balancer would only lose
 * capacity) but says {@code status: degraded} with the reason, for operators and alerts to see. Health is public,
 * so it shows counts and times, never file names or paths; the log has the problems.
 */
@Readiness
@ApplicationScoped
public class RulePackHealthCheck implements HealthCheck {

    private final RulePackRegistry registry;

    RulePackHealthCheck(RulePackRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            RulePackRegistry.Live live = registry.live();
            RulePack pack = live.pack();
            HealthCheckResponseBuilder response = HealthCheckResponse.named("rule-pack").up()
                    .withData("hash", pack.hash())
                    .withData("rules", pack.rules().size())
                    .withData("loaded_at", pack.loadedAt().toString());
            if (live.versionId() != null) {
                response.withData("version", live.versionId());
            }
            long activation = registry.activation();
            if (activation > 0) {
                response.withData("activation", activation); // the same on every server that follows the database
            }
            coverage(pack, response);
            registry.rejection().ifPresentOrElse(rejection -> {
                List<String> reasons = rejection.check().reasons();
                response.withData("status", "degraded")
                        .withData("reason", "the rule pack changed on " + rejection.trigger().label() + " at "
                                + rejection.at() + " was rejected (" + reasons.size()
                                + " problem(s)); the previous pack keeps serving")
                        .withData("problems", reasons.size());
            }, () -> response.withData("status", "ok"));
            return response.build();
        } catch (RulePackInvalidException e) {
            // Health is public: counts only; the problems themselves (with file names) are in the log.
            return HealthCheckResponse.named("rule-pack").down()
                    .withData("problems", e.problems().size())
                    .build();
        }
    }

    /** Rule ids, no file names: health is public. Which data files are empty or partial is in GET /api/v1/rules. */
    private static void coverage(RulePack pack, HealthCheckResponseBuilder response) {
        try {
            List<String> cannotFire = pack.incompleteCoverage().values().stream().filter(RuleCoverage::cannotFire)
                    .map(RuleCoverage::ruleId).toList();
            response.withData("rules_that_cannot_fire", cannotFire.isEmpty() ? "none" : String.join(",", cannotFire))
                    .withData("rules_on_partial_data", pack.incompleteCoverage().size() - cannotFire.size());
        } catch (RuntimeException e) { // the pack's files changed since it was loaded; the next reload says more
            response.withData("rules_that_cannot_fire", "unknown");
        }
    }
}
