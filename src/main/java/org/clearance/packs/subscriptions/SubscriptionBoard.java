package org.clearance.packs.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The subscriptions of this server and what each did last. Read from configuration once; a subscription whose
 * configuration cannot work is kept with its reason, so that health and the status endpoint show it while the server
 * runs. Kept in memory: after a restart the next poll finds each pulled version again.
 */
@ApplicationScoped
public class SubscriptionBoard {

    private final Map<String, PackSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, SubscriptionStatus> statuses = new ConcurrentHashMap<>();

    SubscriptionBoard(PackSubscriptionsConfig config) {
        config.subscriptions().forEach((name, settings) -> {
            try {
                add(PackSubscription.of(name, settings));
            } catch (SubscriptionConfigException e) {
                statuses.put(name, SubscriptionStatus.misconfigured(name, settings.source().orElse(null), e.getMessage()));
            }
        });
    }

    /** Adds (or replaces) a subscription; configuration adds them at start, tests add their own. */
    void add(PackSubscription subscription) {
        subscriptions.put(subscription.name(), subscription);
        statuses.put(subscription.name(), SubscriptionStatus.configured(subscription));
    }

    /** The subscriptions that can be polled, by name. */
    List<PackSubscription> pollable() {
        return subscriptions.values().stream().sorted(Comparator.comparing(PackSubscription::name)).toList();
    }

    Optional<PackSubscription> subscription(String name) {
        return Optional.ofNullable(subscriptions.get(name));
    }

    Optional<SubscriptionStatus> status(String name) {
        return Optional.ofNullable(statuses.get(name));
    }

    /** Every subscription, valid or not, by name. */
    public List<SubscriptionStatus> statuses() {
        List<SubscriptionStatus> all = new ArrayList<>(statuses.values());
        all.sort(Comparator.comparing(SubscriptionStatus::name));
        return all;
    }

    SubscriptionStatus update(String name, UnaryOperator<SubscriptionStatus> change) {
        return statuses.computeIfPresent(name, (n, status) -> change.apply(status));
    }
}
