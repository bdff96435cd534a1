package org.clearance.rules;

import org.clearance.security.Actor;
import org.clearance.security.CurrentActor;
import org.clearance.security.Roles;
import io.quarkus.logging.Log;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;
import org.clearance.rules.cases.RuleTestReport;
import org.clearance.rules.layers.Layers;
import org.clearance.rules.layers.RuleLayer;
import org.clearance.rules.mutation.MutationScores;
import org.clearance.rules.reload.CandidatePack;
import org.clearance.rules.reload.PackCheck;
import org.clearance.rules.reload.PackCheckBusyException;
import org.clearance.rules.reload.PackCheckSlot;
import org.clearance.rules.reload.ReloadConfig;
import org.clearance.rules.reload.ReloadTrigger;
import org.clearance.rules.reload.RulePackChecker;
import org.clearance.rules.reload.RulePackRejectedException;
import org.clearance.rules.reload.RulePackVersions;
import org.clearance.web.Problem;
import org.clearance.web.SafeText;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The live rule pack (identity, every rule's metadata, the data files it reads), its reload, the versions
 * that went live, and validation of a candidate pack that never touches the live one.
 */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules")
public class RulesResource {

    private final RulePackRegistry registry;
    private final RulePackVersions versions;
    private final ReloadConfig reloadConfig;
    private final PackCheckSlot slot;
    private final CurrentActor actor;

    RulesResource(RulePackRegistry registry, RulePackVersions versions, ReloadConfig reloadConfig, CurrentActor actor,
                  PackCheckSlot slot) {
        this.actor = actor;
        this.registry = registry;
        this.versions = versions;
        this.reloadConfig = reloadConfig;
        this.slot = slot;
    }

    /** The pack as the API shows it. */
    public record PackView(String rulePack, Instant loadedAt, List<RuleView> rules, List<DataView> data) {
    }

    /**
     * One rule's metadata. {@code coverage}: the data files it reads that are declared empty (it cannot fire on real
     * orders) or partial; null when every one is complete. {@code mutation}: its score in the last
     * {@code rules test --mutate} of the pack; null when the rule was never measured. For a pack composed of layers:
     * {@code layer} and {@code publisher}, where the rule comes from, and {@code override}, what the overlay changed in
     * it, why and who said so; null otherwise.
     */
    public record RuleView(String id, String title, Jurisdiction jurisdiction, Severity severity, String citation,
                           LocalDate effective, String confidence, String kind, String file, String coverage,
                           MutationView mutation, String layer, String publisher, String override) {
    }

    /**
     * A rule's mutation score (percent of its mutants that a case kills or that time out; {@code notRun} mutants could
     * not be judged in place and do not count) on the day {@code ran};
     * {@code current} is false when the rule changed since, and the counts are then those of the older rule.
     */
    public record MutationView(double score, int killed, int timedOut, int survived, int equivalent, int notRun,
                               LocalDate ran, boolean current) {

        static MutationView of(MutationScores scores, String id, String source) {
            MutationScores.RuleScore score = scores.rules().get(id);
            if (score == null) {
                return null;
            }
            return new MutationView(score.percent(), score.killed(), score.timedOut(), score.survived(), score.equivalent(),
                    score.notRun(), scores.ran(), scores.current(id, source) != null);
        }
    }

    /** One reference data file. */
    public record DataView(String name, String file, String source, String version, int rows) {
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getRulePack", summary = "The active rule pack", description = "Pack hash, load time, every rule with its metadata, and the reference data files.")
    public PackView pack() {
        RulePack pack = registry.current();
        Map<String, RuleCoverage> incomplete = pack.incompleteCoverage();
        MutationScores scores = mutationScores(pack);
        Map<String, String> sources = scores.rules().isEmpty() ? Map.of() : RuleCatalogue.ruleSources(pack);
        Layers layers = Layers.of(pack.directory()).orElse(null);
        return new PackView(pack.hash(), pack.loadedAt(),
                pack.rules().stream().map(r -> {
                    RuleLayer from = RuleLayer.of(layers, r);
                    return new RuleView(r.id(), r.title(), r.jurisdiction(), r.severity(), r.citation(),
                            r.effective(), r.confidence(), r.kind(), r.file(),
                            incomplete.containsKey(r.id()) ? incomplete.get(r.id()).summary() : null,
                            MutationView.of(scores, r.id(), sources.get(r.id())), from.name(), from.publisher(),
                            from.override());
                }).toList(),
                pack.dataSets().stream().map(d -> new DataView(d.name(), d.file(), d.source(), d.version(), d.rows().size())).toList());
    }

    /** The pack's kept mutation scores; none, with a warning in the log, when the file cannot be read. */
    private static MutationScores mutationScores(RulePack pack) {
        try {
            return MutationScores.read(pack.directory());
        } catch (MutationScores.UnreadableException e) {
            Log.warnf("rule catalogue without mutation scores: %s", e.getMessage());
            return new MutationScores(null, Map.of());
        }
    }

    /** A reload that went through: the pack now live, the one before, and the time of each step. */
    public record ReloadResponse(String rulePack, String previous, boolean changed, Long version, int rules,
                                 long compileMillis, long testMillis, long swapNanos, int testsPassed) {
    }

    /**
     * A problem's message as the caller sees it. The allow-list's refusals name the Java API the pack's own code
     * reaches for ("uses java.lang.Runtime.getRuntime"): the author must see it, and it says nothing about the
     * server. Any other message (a compiler's) goes through {@link SafeText}.
     */
    static String shown(PackCheck check, String message) {
        return check.refusedCode() ? message : SafeText.clean(message);
    }

    /** What checking a candidate pack found; {@code valid} says whether it could go live. */
    public record ValidationResponse(boolean valid, String rulePack, Integer rules, List<RulePackProblem> problems,
                                     RuleTestReport tests, long compileMillis, long testMillis) {

        static ValidationResponse of(PackCheck check) {
            // A candidate pack lives in a temporary folder: its path is the server's business, not the caller's.
            List<RulePackProblem> problems = check.problems().stream()
                    .map(p -> new RulePackProblem(SafeText.clean(p.file()), p.line(), shown(check, p.message()))).toList();
            return new ValidationResponse(check.valid(), check.rulePack(), check.rules(), problems, check.tests(),
                    check.compileMillis(), check.testMillis());
        }
    }

    @POST
    @Path("/reload")
    @RolesAllowed(Roles.RULE_AUTHOR)
    @Operation(operationId = "reloadRules", summary = "Reload the rule pack from its directory",
            description = "Compiles, lints and tests the pack in the rules directory, activates it for every server on the database and makes it live here atomically. "
                    + "A failing pack never goes live: the previous one keeps serving and the answer is a 422 problem listing every reason. "
                    + "429 while another validation or reload runs.")
    @APIResponse(responseCode = "200", description = "The pack is live.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReloadResponse.class)))
    @APIResponse(responseCode = "422", description = "The pack failed its checks and did not go live (rule-pack-rejected); errors lists every reason.")
    @APIResponse(responseCode = "429", description = "Another validation or reload is running.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public ReloadResponse reload() {
        Actor caller = actor.get();
        RulePackRegistry.Reload reload = slot.tryRun(() -> registry.reload(ReloadTrigger.API, caller));
        PackCheck check = reload.check();
        return new ReloadResponse(reload.live().pack().hash(), reload.previousHash(), reload.changed(),
                reload.live().versionId(), reload.live().pack().rules().size(), check.compileMillis(), check.testMillis(),
                reload.swapNanos(), check.tests().passed());
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listRulePackVersions", summary = "Every rule pack that went live", description = "Each distinct pack once, newest first: hash, the time and trigger "
            + "of the first time it went live (startup, watch, api, cli, subscription; backfill for packs known only from older screenings), rule count "
            + "and how many screenings each one made. A pack that goes live again keeps its version; the audit trail has every activation.")
    public List<RulePackVersions.VersionView> versions() {
        RulePackRegistry.Live live = registry.live();
        return versions.list(registry.versionId(live));
    }

    @POST
    @Path("/validate")
    @RolesAllowed(Roles.RULE_AUTHOR)
    // A zip, or one file of a pack (DRL, tests YAML, CSV); never text/plain, which a web page can send cross-site.
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM, "application/yaml", "text/csv"})
    @Operation(operationId = "validateRules", summary = "Check a candidate rule pack without touching the live one",
            description = "Body: a zip of a rules folder, or (with ?path=eu/x.drl) one file overlaid on a copy of the server's rules folder. "
                    + "Returns compile, lint and allow-list problems (file:line) and the rule-test results; 422 when the pack "
                    + "uses code rules may not call (it never runs); 429 while another validation or reload runs.")
    @APIResponse(responseCode = "200", description = "What the checks found; valid says whether it could go live.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationResponse.class)))
    @APIResponse(responseCode = "413", description = "Over clearance.reload.max-upload-bytes, max-unpacked-bytes or max-zip-entries.")
    @APIResponse(responseCode = "422", description = "The pack uses code that rules may not run, or its tests ran out of time (rule-pack-rejected).")
    @APIResponse(responseCode = "429", description = "Another validation or reload is running.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public ValidationResponse validate(@QueryParam("path") String path, InputStream body) throws IOException {
        byte[] bytes = CandidatePack.readBody(body, reloadConfig.maxUploadBytes());
        PackCheck check = slot.tryRun(() -> {
            try (CandidatePack candidate = path == null
                    ? CandidatePack.fromZip(bytes, reloadConfig)
                    : CandidatePack.overlay(registry.folder(), path, bytes)) {
                return RulePackChecker.check(candidate.directory(), reloadConfig.checkTimeout());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (check.refusedCode()) {
            throw new RulePackRejectedException(check); // 422: a pack that may not run is not merely "invalid"
        }
        return ValidationResponse.of(check);
    }

    @ServerExceptionMapper
    public Response busy(PackCheckBusyException e, UriInfo uri) {
        Problem body = new Problem("https://clearance.dev/problems/pack-check-busy", "Too many requests", 429,
                e.getMessage(), uri.getPath(), List.of());
        return Response.status(429).header("Retry-After", PackCheckSlot.RETRY_AFTER_SECONDS).type(Problem.MEDIA_TYPE)
                .entity(body).build();
    }

    @ServerExceptionMapper
    public Response rejected(RulePackRejectedException e, UriInfo uri) {
        PackCheck check = e.check();
        List<Problem.Error> errors = new ArrayList<>();
        check.problems().forEach(p -> errors.add(new Problem.Error(SafeText.clean(p.line() > 0 ? p.file() + ":" + p.line() : p.file()),
                null, shown(check, p.message()))));
        if (check.tests() != null) {
            check.tests().fileErrors().forEach(m -> errors.add(new Problem.Error("tests", null, m)));
            check.tests().failures().forEach(f -> errors.add(new Problem.Error(f.testCase(), null,
                    "test failed: " + String.join("; ", f.differences()))));
            check.tests().uncovered().forEach(u -> errors.add(new Problem.Error(u.file(), null,
                    "rule " + u.ruleId() + " " + String.join(" and ", u.gaps()))));
        }
        String serving = registry.loaded() ? registry.current().shortHash() : "none";
        String refused = check.refusedCode() ? " It uses code that rules may not run, or its rule tests ran out of time; "
                + "none of its code ran (or it was stopped). See docs/authoring.md, \"What rules may call\"." : "";
        Problem body = new Problem("https://clearance.dev/problems/rule-pack-rejected", "Rule pack rejected", 422,
                "The rule pack was not loaded (" + errors.size() + " problem(s)); the previous pack " + serving
                        + " keeps serving." + refused, uri.getPath(), errors);
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
