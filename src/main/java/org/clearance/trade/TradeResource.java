package org.clearance.trade;

import org.clearance.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.clearance.web.InvalidRequestException;
import org.clearance.web.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The trade-flow surge analysis over HTTP: the ranked country risks as JSON, or the chart as SVG (docs/trade.md). */
@Path("/api/v1/trade/country-risk")
@Tag(name = "Trade")
public class TradeResource {

    private final TradeAnalysisService analysis;

    TradeResource(TradeAnalysisService analysis) {
        this.analysis = analysis;
    }

    @GET
    @RolesAllowed({Roles.LIST_MANAGER, Roles.OFFICER, Roles.AUDITOR})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCountryRisk", summary = "Countries ranked by CHP trade surge: exports to Russia/Belarus/neighbours and G7 imports vs "
            + "the baseline, mirror gap, score 0-100 and evidence")
    public TradeAnalysis countryRisk(@QueryParam("baseline") String baseline, @QueryParam("period") String period,
                                     @QueryParam("neighbours") String neighbours) {
        return analysis.analyze(request(baseline, period, neighbours));
    }

    @GET
    @Path("/chart.svg")
    @RolesAllowed({Roles.LIST_MANAGER, Roles.OFFICER, Roles.AUDITOR})
    @Produces("image/svg+xml")
    @Operation(operationId = "getCountryRiskChart", summary = "The same analysis as an SVG bar chart of export surge ratios per reporter")
    public String chart(@QueryParam("baseline") String baseline, @QueryParam("period") String period,
                        @QueryParam("neighbours") String neighbours) {
        return SurgeChart.svg(analysis.analyze(request(baseline, period, neighbours)));
    }

    private AnalysisRequest request(String baseline, String period, String neighbours) {
        try {
            List<String> codes = neighbours == null || neighbours.isBlank() ? List.of()
                    : Arrays.stream(neighbours.split(",")).toList();
            return analysis.request(baseline, period, codes);
        } catch (InvalidTradeQueryException e) {
            throw new InvalidRequestException("The analysis parameters are invalid: " + e.getMessage(),
                    List.of(new Problem.Error("query", e.parameter(), e.getMessage())));
        }
    }
}
