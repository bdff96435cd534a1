package org.clearance.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.clearance.cases.CaseStatistics;
import org.clearance.config.ClearanceConfig;
import org.clearance.lists.ListCatalog;
import org.clearance.lists.ListVersionView;
import org.clearance.lists.ListsConfig;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.active.ActivePack;
import org.clearance.rules.active.RulePackActivation;
import org.clearance.screening.ScreeningStatistics;
import org.clearance.trade.SurgeChart;
import org.clearance.trade.TradeAnalysis;
import org.clearance.trade.TradeAnalysisService;

/**
 * The first page after sign-in: what each role may see of screenings per day, open and overdue cases, list ages,
 * the active rule pack and the trade-surge ranking. A part the user may not read is left out, not shown empty.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    /** Days of the screenings chart. */
    static final int CHART_DAYS = 14;

    /** The screenings chart and its totals, which the table beside it gives as text. */
    public record Screenings(List<ScreeningStatistics.DayCount> days, String chart, long clear, long review, long block) {
        static Screenings of(List<ScreeningStatistics.DayCount> days) {
            return new Screenings(days, DayChart.svg(days), days.stream().mapToLong(ScreeningStatistics.DayCount::clear).sum(),
                    days.stream().mapToLong(ScreeningStatistics.DayCount::review).sum(),
                    days.stream().mapToLong(ScreeningStatistics.DayCount::block).sum());
        }
    }

    /** A list as the dashboard shows it: its age in days, and whether that is too old. */
    public record ListAge(ListVersionView version, long days, boolean stale) {
    }

    /** The rule pack that screens now, and when and by whom it was made active. */
    public record PackState(RulePack pack, ActivePack active) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(ConsoleUser user, String active, Screenings screenings,
                                                 CaseStatistics.OpenCases cases,
                                                 List<CaseStatistics.AgeBand> ageBands, List<ListAge> lists,
                                                 PackState pack, TradeAnalysis trade, String tradeChart);
    }

    private final ConsoleContext console;
    private final ScreeningStatistics screenings;
    private final CaseStatistics cases;
    private final ListCatalog lists;
    private final ListsConfig listsConfig;
    private final RulePackRegistry registry;
    private final RulePackActivation activation;
    private final TradeAnalysisService trade;
    private final ClearanceConfig config;

    DashboardPage(ConsoleContext console, ScreeningStatistics screenings, CaseStatistics cases, ListCatalog lists,
                  ListsConfig listsConfig, RulePackRegistry registry, RulePackActivation activation,
                  TradeAnalysisService trade, ClearanceConfig config) {
        this.console = console;
        this.screenings = screenings;
        this.cases = cases;
        this.lists = lists;
        this.listsConfig = listsConfig;
        this.registry = registry;
        this.activation = activation;
        this.trade = trade;
        this.config = config;
    }

    @GET
    @Authenticated
    public TemplateInstance dashboard() {
        ConsoleUser user = console.user();
        Screenings perDay = user.readsScreenings()
                // A screener reads only its own screenings, here as through the API.
                ? Screenings.of(screenings.perDay(CHART_DAYS, user.readsCases() ? null : user.name()))
                : null;
        TradeAnalysis analysis = user.readsLists() ? trade.analyze(trade.request(null, null, List.of())) : null;
        return Templates.dashboard(user, ConsolePaths.HOME, perDay,
                user.readsCases() ? cases.open() : null, List.of(CaseStatistics.AgeBand.values()),
                user.readsLists() ? listAges() : null,
                user.readsRules() ? new PackState(registry.current(), activation.active().orElse(null)) : null,
                analysis, analysis == null ? null : SurgeChart.svg(analysis));
    }

    private List<ListAge> listAges() {
        return lists.active().stream().map(version -> {
            Duration limit = listsConfig.sources().containsKey(version.source())
                    ? listsConfig.sources().get(version.source()).maxAge().orElse(config.console().staleListAge())
                    : config.console().staleListAge();
            return new ListAge(version, Duration.ofSeconds(version.ageSeconds()).toDays(), version.ageSeconds() > limit.getSeconds());
        }).toList();
    }
}
