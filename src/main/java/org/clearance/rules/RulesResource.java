package org.clearance.rules;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;
import org.clearance.rules.cases.RuleTestReport;
import org.clearance.rules.reload.CandidatePack;
import org.clearance.rules.reload.PackCheck;
import org.clearance.rules.reload.ReloadConfig;
import org.clearance.rules.reload.ReloadTrigger;
import org.clearance.rules.reload.RulePackChecker;
import org.clearance.rules.reload.RulePackRejectedException;
import org.clearance.rules.reload.RulePackVersions;
import org.clearance.web.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    private final org.clearance.security.CurrentActor actor;

    RulesResource(RulePackRegistry registry, RulePackVersions versions, ReloadConfig reloadConfig,
                  org.clearance.security.CurrentActor actor) {
        this.actor = actor;
        this.registry = registry;
        this.versions = versions;
        this.reloadConfig = reloadConfig;
    }

    /** The pack as the API shows it. */
    public record PackView(String rulePack, Instant loadedAt, List<RuleView> rules, List<DataView> data) {
    }

    /** One rule's metadata. */
    public record RuleView(String id, String title, Jurisdiction jurisdiction, Severity severity, String citation,
                           LocalDate effective, String confidence, String kind, String file) {
    }

    /** One reference data file. */
    public record DataView(String name, String file, String source, String version, int rows) {
    }

    @GET
    @Operation(summary = "The active rule pack", description = "Pack hash, load time, every rule with its metadata, and the reference data files.")
    public PackView pack() {
        RulePack pack = registry.current();
        return new PackView(pack.hash(), pack.loadedAt(),
                pack.rules().stream().map(r -> new RuleView(r.id(), r.title(), r.jurisdiction(), r.severity(), r.citation(),
                        r.effective(), r.confidence(), r.kind(), r.file())).toList(),
                pack.dataSets().stream().map(d -> new DataView(d.name(), d.file(), d.source(), d.version(), d.rows().size())).toList());
    }

    /** A reload that went through: the pack now live, the one before, and the time of each step. */
    public record ReloadResponse(String rulePack, String previous, boolean changed, Long version, int rules,
                                 long compileMillis, long testMillis, long swapNanos, int testsPassed) {
    }

    /** What checking a candidate pack found; {@code valid} says whether it could go live. */
    public record ValidationResponse(boolean valid, String rulePack, Integer rules, List<RulePackProblem> problems,
                                     RuleTestReport tests, long compileMillis, long testMillis) {

        static ValidationResponse of(PackCheck check) {
            return new ValidationResponse(check.valid(), check.rulePack(), check.rules(), check.problems(), check.tests(),
                    check.compileMillis(), check.testMillis());
        }
    }

    @POST
    @Path("/reload")
    @Operation(summary = "Reload the rule pack from its directory",
            description = "Compiles, lints and tests the pack in the rules directory and makes it live atomically. "
                    + "A failing pack never goes live: the previous one keeps serving and the answer is a 422 problem listing every reason.")
    public ReloadResponse reload() {
        RulePackRegistry.Reload reload = registry.reload(ReloadTrigger.API, actor.get());
        PackCheck check = reload.check();
        return new ReloadResponse(reload.live().pack().hash(), reload.previousHash(), reload.changed(),
                reload.live().versionId(), reload.live().pack().rules().size(), check.compileMillis(), check.testMillis(),
                reload.swapNanos(), check.tests().passed());
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Every rule pack that went live", description = "Newest first: hash, time, trigger (startup, watch, api; "
            + "backfill for packs known only from older screenings), rule count and how many screenings each one made.")
    public List<RulePackVersions.VersionView> versions() {
        RulePackRegistry.Live live = registry.live();
        return versions.list(registry.versionId(live));
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Check a candidate rule pack without touching the live one",
            description = "Body: a zip of a rules folder, or (with ?path=eu/x.drl) one file overlaid on a copy of the live pack. "
                    + "Returns compile and lint problems (file:line) and the rule-test results.")
    public ValidationResponse validate(@QueryParam("path") String path, InputStream body) throws IOException {
        byte[] bytes = CandidatePack.readBody(body, reloadConfig.maxUploadBytes());
        try (CandidatePack candidate = path == null
                ? CandidatePack.fromZip(bytes, reloadConfig)
                : CandidatePack.overlay(registry.current().directory(), path, bytes)) {
            return ValidationResponse.of(RulePackChecker.check(candidate.directory()));
        }
    }

    @ServerExceptionMapper
    public Response rejected(RulePackRejectedException e, UriInfo uri) {
        PackCheck check = e.check();
        List<Problem.Error> errors = new ArrayList<>();
        check.problems().forEach(p -> errors.add(new Problem.Error(p.line() > 0 ? p.file() + ":" + p.line() : p.file(), null,
                p.message())));
        if (check.tests() != null) {
            check.tests().fileErrors().forEach(m -> errors.add(new Problem.Error("tests", null, m)));
            check.tests().failures().forEach(f -> errors.add(new Problem.Error(f.testCase(), null,
                    "test failed: " + String.join("; ", f.differences()))));
            check.tests().uncovered().forEach(u -> errors.add(new Problem.Error(u.file(), null,
                    "rule " + u.ruleId() + " " + String.join(" and ", u.gaps()))));
        }
        String serving = registry.loaded() ? registry.current().shortHash() : "none";
        Problem body = new Problem("https://clearance.dev/problems/rule-pack-rejected", "Rule pack rejected", 422,
                "The rule pack was not loaded (" + errors.size() + " problem(s)); the previous pack " + serving
                        + " keeps serving.", uri.getPath(), errors);
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
