package org.clearance.rules;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The active rule pack: its identity, every rule's metadata and the data files it reads. */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules")
public class RulesResource {

    private final RulePackRegistry registry;

    RulesResource(RulePackRegistry registry) {
        this.registry = registry;
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
}
