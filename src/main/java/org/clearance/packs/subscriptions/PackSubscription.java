package org.clearance.packs.subscriptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.clearance.packs.BundleDownload;
import org.clearance.packs.BundleDownloadException;
import org.clearance.packs.PackKeyException;
import org.clearance.packs.TrustedKeys;

/**
 * One configured subscription, checked: where its bundles come from (an https:// URL, a bundle file or a folder of
 * bundles), the publisher keys it trusts, how often it is polled and whether a version that passes its checks is
 * activated without a rule author.
 */
public record PackSubscription(String name, String source, List<Path> trust, Duration every, boolean autoActivate) {

    /** Polling more often than this only loads the publisher's server; a minute is plenty for a local folder. */
    static final Duration MIN_EVERY = Duration.ofMinutes(1);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("status", "reason");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    public PackSubscription {
        if (!NAME.matcher(name).matches()) {
            throw new SubscriptionConfigException(name, "the name must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (RESERVED.contains(name)) { // health shows each subscription under its name, beside these two
            throw new SubscriptionConfigException(name, "'status' and 'reason' cannot name a subscription");
        }
        if (source == null || source.isBlank()) {
            throw new SubscriptionConfigException(name, "no source: set " + key(name, "source")
                    + " to an https:// URL, a bundle file or a folder of bundles");
        }
        if (BundleDownload.isUrl(source)) {
            try {
                BundleDownload.checkUrl(source);
            } catch (BundleDownloadException e) {
                throw new SubscriptionConfigException(name, key(name, "source") + ": " + e.getMessage());
            }
        }
        if (trust == null || trust.isEmpty()) {
            throw new SubscriptionConfigException(name, "no trusted key: set " + key(name, "trust")
                    + " to the publisher's .pub file (several separated by commas)");
        }
        trust = List.copyOf(trust);
        if (every.compareTo(MIN_EVERY) < 0) {
            throw new SubscriptionConfigException(name, key(name, "every") + " is " + every + "; poll at most once a minute");
        }
    }

    /** The subscription {@code name} as configured; a {@link SubscriptionConfigException} says what is wrong with it. */
    static PackSubscription of(String name, PackSubscriptionsConfig.Subscription config) {
        List<Path> trust = config.trust().orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Path::of).toList();
        PackSubscription subscription = new PackSubscription(name, config.source().map(String::strip).orElse(null), trust,
                every(name, config.every()), autoActivate(name, config.autoActivate()));
        subscription.trustedKeys(); // a missing or unreadable key file is a configuration error, said at start
        return subscription;
    }

    /** The trusted keys, read now: a publisher's rotated key takes effect at the next poll. */
    TrustedKeys trustedKeys() {
        try {
            return TrustedKeys.read(trust);
        } catch (PackKeyException e) {
            throw new SubscriptionConfigException(name, key(name, "trust") + ": " + e.getMessage());
        }
    }

    /** Whether the source is a folder whose newest bundle is taken, rather than one URL or file. */
    boolean isFolder() {
        return !BundleDownload.isUrl(source) && Files.isDirectory(Path.of(source));
    }

    /** The actor an auto-activation is audited as. */
    String actorName() {
        return "subscription:" + name;
    }

    static String key(String name, String property) {
        return "clearance.packs.subscriptions." + name + "." + property;
    }

    /** {@code 6h}, {@code 30m}, {@code 1d}, {@code 90s}, or an ISO-8601 duration ({@code PT6H}). */
    private static Duration every(String name, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        var simple = SIMPLE_DURATION.matcher(value);
        try {
            if (simple.matches()) {
                long amount = Long.parseLong(simple.group(1));
                return switch (simple.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new SubscriptionConfigException(name, key(name, "every") + " is '" + text
                    + "', not a duration such as 6h, 30m or 1d");
        }
    }

    private static boolean autoActivate(String name, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SubscriptionConfigException(name, key(name, "auto-activate") + " is '" + text
                    + "'; it is true or false");
        };
    }
}
