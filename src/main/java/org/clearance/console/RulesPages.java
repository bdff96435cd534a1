package org.clearance.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clearance.facts.Jurisdiction;
import org.clearance.rules.RuleCatalogue;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.layers.Layers;
import org.clearance.rules.layers.RuleLayer;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.cases.RuleCase;
import org.clearance.rules.cases.RuleCaseFiles;
import org.clearance.rules.reload.RulePackContents;
import org.clearance.rules.reload.RulePackVersions;
import org.clearance.security.Roles;

/**
 * The rule catalogue by regime, each rule with its source and test cases, the pack versions that went live with what
 * changed from one to the next, and the last pack the server refused.
 */
@Path("/console/rules")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.RULE_AUTHOR, Roles.OFFICER, Roles.AUDITOR})
public class RulesPages {

    /** Versions the catalogue page lists; older ones stay in the API's list. */
    private static final int VERSIONS_SHOWN = 20;

    /** One regime's rules, in id order. */
    public record RegimeRules(Jurisdiction jurisdiction, List<ShownRule> rules) {
    }

    /** A rule as the catalogue lists it; {@code from}: its layer, publisher and override, for a pack composed of layers. */
    public record ShownRule(RuleInfo rule, RuleLayer from) {
    }

    /** A version and the one before it, to compare. */
    public record VersionDiff(RulePackVersions.VersionView version, RulePackVersions.VersionView previous,
                              List<PackDiff.FileChange> changes, boolean stored) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalogue(ConsoleUser user, String active, RulePack pack, List<RegimeRules> regimes,
                                                 List<RulePackVersions.VersionView> versions,
                                                 RulePackRegistry.Rejection rejection);

        static native TemplateInstance rule(ConsoleUser user, String active, RuleInfo rule, String source,
                                            List<RuleCase> cases);

        static native TemplateInstance version(ConsoleUser user, String active, VersionDiff diff);
    }

    private final ConsoleContext console;
    private final RulePackRegistry registry;
    private final RulePackVersions versions;
    private final RulePackContents contents;

    RulesPages(ConsoleContext console, RulePackRegistry registry, RulePackVersions versions, RulePackContents contents) {
        this.console = console;
        this.registry = registry;
        this.versions = versions;
        this.contents = contents;
    }

    @GET
    public TemplateInstance catalogue() {
        RulePack pack = registry.current();
        List<RegimeRules> regimes = regimes(pack);
        List<RulePackVersions.VersionView> all = versions.list(registry.versionId(registry.live()));
        return Templates.catalogue(console.user(), ConsolePaths.RULES, pack, regimes,
                all.subList(0, Math.min(VERSIONS_SHOWN, all.size())), registry.rejection().orElse(null));
    }

    /** The pack's rules by regime, each with where it comes from when the pack is composed of layers. */
    static List<RegimeRules> regimes(RulePack pack) {
        Layers layers = Layers.of(pack.directory()).orElse(null);
        Map<Jurisdiction, List<ShownRule>> byRegime = new TreeMap<>();
        pack.rules().stream().sorted(java.util.Comparator.comparing(RuleInfo::id))
                .forEach(r -> byRegime.computeIfAbsent(r.jurisdiction(), j -> new ArrayList<>())
                        .add(new ShownRule(r, layers == null ? null : RuleLayer.of(layers, r))));
        return byRegime.entrySet().stream().map(e -> new RegimeRules(e.getKey(), e.getValue())).toList();
    }

    @GET
    @Path("/{id}")
    public TemplateInstance rule(@PathParam("id") String id) {
        RulePack pack = registry.current();
        RuleInfo rule = pack.rules().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No rule " + id + " in the active rule pack."));
        String testFile = rule.file().replaceFirst("\\.(drl|table\\.csv|table\\.xlsx)$", RuleCaseFiles.SUFFIX);
        List<RuleCase> cases = RuleCaseFiles.readAll(pack.directory(), new ArrayList<>()).stream()
                .filter(c -> c.expectedRules().contains(id) || c.file().equals(testFile)).toList();
        return Templates.rule(console.user(), ConsolePaths.RULES, rule, RuleCatalogue.ruleSources(pack).get(id), cases);
    }

    @GET
    @Path("/versions/{version}")
    public TemplateInstance version(@PathParam("version") long id) {
        List<RulePackVersions.VersionView> all = versions.list(registry.versionId(registry.live()));
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == id) {
                index = i;
            }
        }
        if (index < 0) {
            throw new NotFoundException("No rule pack version " + id + ".");
        }
        RulePackVersions.VersionView version = all.get(index);
        RulePackVersions.VersionView previous = index + 1 < all.size() ? all.get(index + 1) : null;
        var after = contents.files(version.hash());
        var before = previous == null ? new TreeMap<String, String>() : contents.files(previous.hash());
        boolean stored = !after.isEmpty() && (previous == null || !before.isEmpty());
        List<PackDiff.FileChange> changes = stored
                ? PackDiff.between(before, after, sha -> contents.fileText(sha).orElse(""))
                : List.of();
        return Templates.version(console.user(), ConsolePaths.RULES, new VersionDiff(version, previous, changes, stored));
    }
}
