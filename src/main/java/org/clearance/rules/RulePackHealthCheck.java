package org.clearance.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only with a loaded rule pack; reports its hash and size. */
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
            RulePack pack = registry.current();
            return HealthCheckResponse.named("rule-pack").up()
                    .withData("hash", pack.hash())
                    .withData("rules", pack.rules().size())
                    .withData("loaded_at", pack.loadedAt().toString())
                    .build();
        } catch (RulePackInvalidException e) {
            return HealthCheckResponse.named("rule-pack").down()
                    .withData("problems", e.problems().size())
                    .withData("first_problem", e.problems().get(0).toString())
                    .build();
        }
    }
}
