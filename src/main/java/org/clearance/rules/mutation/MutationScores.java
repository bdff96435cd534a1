package org.clearance.rules.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Each rule's mutation score from the last {@code rules test --mutate} of a pack, kept beside the rules in
 * {@value #FILE} so that {@code rules doc} and {@code GET /api/v1/rules} can show it without a run of their own. Each
 * score keeps a fingerprint of the rule's source as it was tested: a rule changed since then shows no score as its
 * own, only that the last one is out of date. It also keeps one of the rule's other {@link MutationInputs} (its tests
 * and data files), so that the build can tell which scores still hold and measure only the others.
 */
public record MutationScores(LocalDate ran, Map<String, RuleScore> rules) {

    public static final String FILE = "mutation-scores.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public MutationScores {
        rules = java.util.Collections.unmodifiableMap(new TreeMap<>(rules)); // id order: the file reads well in a diff
    }

    /**
     * One rule's counts on {@code ran}, and the fingerprints of the source and of the other inputs they were measured
     * on ({@code inputs} is null in scores written before it was kept).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record RuleScore(double percent, int killed, int timedOut, int survived, int equivalent, int notCompiled,
                            int notRun, String source, String inputs) {
    }

    /** The file is there but cannot be read as scores. */
    public static final class UnreadableException extends RuntimeException {
        UnreadableException(String message) {
            super(message);
        }
    }

    /**
     * The scores of {@code report}, with the rule sources and other {@link MutationInputs} (by id) it ran on, as of
     * {@code ran}.
     */
    public static MutationScores of(MutationReport report, Map<String, String> sources, Map<String, String> inputs,
                                    LocalDate ran) {
        Map<String, RuleScore> rules = new TreeMap<>();
        for (MutationReport.Score score : report.byRule()) {
            rules.put(score.name(), new RuleScore(Math.round(score.percent() * 10) / 10.0, score.killed(), score.timedOut(),
                    score.survived(), score.equivalent(), score.notCompiled(), score.notRun(),
                    fingerprint(sources.get(score.name())), fingerprint(inputs.get(score.name()))));
        }
        return new MutationScores(ran, rules);
    }

    /**
     * These scores with the rules of {@code newer} (a run of part of the pack) replaced by its scores, as of its day;
     * null when these scores are of another day, as one day cannot then stand for every score in the file.
     */
    public MutationScores updatedBy(MutationScores newer) {
        if (ran != null && !ran.equals(newer.ran())) {
            return null;
        }
        Map<String, RuleScore> merged = new TreeMap<>(rules);
        merged.putAll(newer.rules());
        return new MutationScores(newer.ran(), merged);
    }

    /** The scores kept in {@code pack}; none when the pack has never been mutation-tested. */
    public static MutationScores read(Path pack) {
        Path file = pack.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new MutationScores(null, Map.of());
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            LocalDate ran = LocalDate.parse(root.path("ran").asText());
            Map<String, RuleScore> rules = new TreeMap<>();
            root.path("rules").fields().forEachRemaining(e -> rules.put(e.getKey(), JSON.convertValue(e.getValue(), RuleScore.class)));
            return new MutationScores(ran, rules);
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            throw new UnreadableException(FILE + ": not the scores 'rules test --mutate' writes ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "): run it again or delete the file");
        }
    }

    /** Writes the scores into {@code pack}, one rule a line in id order, so that a change reads well in a diff. */
    public void write(Path pack) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ran", ran.toString());
        ObjectNode byRule = root.putObject("rules");
        rules.forEach((id, score) -> byRule.set(id, JSON.valueToTree(score)));
        try {
            Files.writeString(pack.resolve(FILE), JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pack.resolve(FILE), e);
        }
    }

    /** The score of rule {@code id} if it was measured on {@code source} (the rule as it is now); null otherwise. */
    public RuleScore current(String id, String source) {
        RuleScore score = rules.get(id);
        return score != null && score.source().equals(fingerprint(source)) ? score : null;
    }

    /**
     * The score of rule {@code id} if it was measured on {@code source} and {@code inputs} as they are now, so that it
     * still holds; null otherwise.
     */
    public RuleScore holding(String id, String source, String inputs) {
        RuleScore score = current(id, source);
        return score != null && fingerprint(inputs).equals(score.inputs()) ? score : null;
    }

    /**
     * The ids of the rules (of {@code sources}, the rules of a pack as they are now) whose score does not hold: never
     * measured, or measured on another source or other {@link MutationInputs}.
     */
    public SortedSet<String> notHolding(Map<String, String> sources, Map<String, String> inputs) {
        SortedSet<String> ids = new TreeSet<>();
        sources.forEach((id, source) -> {
            if (holding(id, source, inputs.get(id)) == null) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * For the catalogue: "100.0 % (2026-12-06)", with "; 19 not run" when some mutants could not be judged in place,
     * "changed since 2026-12-06", or empty when never measured.
     */
    public String summary(String id, String source) {
        if (!rules.containsKey(id)) {
            return "";
        }
        RuleScore score = current(id, source);
        if (score == null) {
            return "changed since " + ran;
        }
        String notRun = score.notRun() == 0 ? "" : "; " + score.notRun() + " not run";
        if (score.killed() + score.timedOut() + score.survived() == 0 && score.notRun() > 0) {
            return "not run (" + ran + ")";
        }
        return String.format(Locale.ROOT, "%.1f %% (%s%s)", score.percent(), ran, notRun);
    }

    /** The first 16 hex digits of the SHA-256 of a rule's source, line endings and outer blanks aside. */
    static String fingerprint(String source) {
        if (source == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(source.replace("\r\n", "\n").strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
