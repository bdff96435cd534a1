package org.clearance.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clearance.config.ClearanceConfig;
import org.clearance.trade.AnalysisRequest;
import org.clearance.trade.InvalidTradeQueryException;
import org.clearance.trade.SurgeChart;
import org.clearance.trade.TradeAnalysis;
import org.clearance.trade.TradeAnalysisService;
import org.clearance.trade.TradeFileException;
import org.clearance.trade.TradeImportResult;
import org.clearance.trade.TradeImportService;
import org.clearance.trade.TradeTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clearance trade import|analyze}: load UN Comtrade statistics and rank countries by CHP trade surge. */
@Command(name = "trade", description = "Import trade statistics (UN Comtrade CSV) and analyse CHP trade surges.",
        subcommands = {TradeCommand.ImportTrade.class, TradeCommand.AnalyzeTrade.class})
public class TradeCommand {

    /** Imports one Comtrade CSV file, all or nothing. */
    @Command(name = "import", description = "Import monthly trade statistics from a UN Comtrade bulk CSV file (docs/trade.md).",
            footer = {"", "A row with the same reporter, partner, cmdCode, period and flow as a stored one replaces its value;",
                    "other stored rows stay. Any bad row: every bad row is listed as FILE:LINE: message and nothing is imported.",
                    "Exit codes: 0 imported (or nothing new), 2 unreadable file or bad rows, 70 internal error."})
    static class ImportTrade implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A CSV file in the UN Comtrade bulk-download layout.")
        Path file;

        @Inject
        TradeImportService imports;

        @Inject
        ClearanceConfig config;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                if (!Files.isRegularFile(file)) {
                    err.println(file + ": no such file");
                    err.flush();
                    return ExitCodes.INPUT;
                }
                TradeImportResult result;
                try (ProgressLine progress = ProgressLine.on(err, config.cli().progress())) {
                    result = imports.importFile(file, progress::update);
                }
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%s: %d rows added, %d changed, %d unchanged%s%n", file, result.added(), result.changed(),
                        result.unchanged(), skipped(result.skipped()));
                out.flush();
                return ExitCodes.OK;
            } catch (TradeFileException e) {
                e.problems().forEach(p -> err.println(file + ":" + p.line() + ": " + p.message()));
                err.println(file + ": " + e.problems().size() + " bad row(s); nothing was imported");
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
            }
            err.flush();
            return ExitCodes.INPUT;
        }

        private static String skipped(Map<String, Integer> skipped) {
            if (skipped.isEmpty()) {
                return "";
            }
            StringBuilder text = new StringBuilder("; skipped ");
            skipped.forEach((reason, count) -> text.append(count).append(" (").append(reason).append(") "));
            return text.toString().stripTrailing();
        }
    }

    /** Ranks reporters by CHP trade surge, as a table or JSON, optionally with an SVG chart. */
    @Command(name = "analyze", description = "Rank countries by CHP export surge to Russia, Belarus and neighbours, G7 imports and mirror gap.",
            footer = {"", "Defaults come from clearance.trade.* (docs/trade.md).",
                    "Exit codes: 0 analysed, 2 invalid option (e.g. --period 2023-13..2023-02), 70 internal error."})
    static class AnalyzeTrade implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--baseline", paramLabel = "YEARS", description = "Baseline years, e.g. 2015-2021 (default: clearance.trade.baseline).")
        String baseline;

        @Option(names = "--period", paramLabel = "MONTHS", description = "Months to compare, e.g. 2023-01..2023-09 (default: clearance.trade.period).")
        String period;

        @Option(names = "--neighbours", split = ",", paramLabel = "ISO2", description = "Neighbours of Russia counted with RU and BY (default: clearance.trade.neighbours).")
        List<String> neighbours;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "TEXT", description = "text or json (default: text).")
        OutputFormat format;

        @Option(names = "--chart", paramLabel = "FILE.svg", description = "Also write an SVG bar chart of the surge ratios.")
        Path chart;

        @Inject
        TradeAnalysisService analysis;

        @Inject
        ObjectMapper mapper;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            AnalysisRequest request;
            try {
                request = analysis.request(baseline, period, neighbours);
            } catch (InvalidTradeQueryException e) {
                err.println("--" + e.parameter() + ": " + e.getMessage());
                err.flush();
                return ExitCodes.INPUT;
            }
            TradeAnalysis result = analysis.analyze(request);
            if (chart != null) {
                try {
                    Files.writeString(chart, SurgeChart.svg(result), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println(chart + ": cannot write the chart: " + e.getMessage());
                    err.flush();
                    return ExitCodes.INPUT;
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                out.println(json(result));
                out.flush();
            } else {
                TradeTable.write(result, out);
            }
            return ExitCodes.OK;
        }

        private String json(TradeAnalysis result) throws JsonProcessingException {
            return mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        }
    }
}
