package org.clearance.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG chart and the text table of one analysis of the synthetic data. */
class SurgeChartTest {

    private static TradeAnalysis analysis;

    @BeforeAll
    static void analyse() throws IOException {
        List<TradeRow> rows;
        try (var in = Files.newBufferedReader(TradeAnalyzerTest.SYNTHETIC)) {
            rows = ComtradeCsvReader.read(in, "synthetic").rows();
        }
        AnalysisRequest request = new AnalysisRequest(YearRange.parse("2015-2021"), MonthRange.parse("2023-01..2023-09"),
                TradeAnalyzerTest.DEFAULT_NEIGHBOURS, TradeAnalyzerTest.G7);
        Set<String> chp = Set.of("854231", "854232", "851762", "847150", "903082");
        analysis = new TradeAnalysis("2015-2021", "2023-01..2023-09", request.neighbours(), request.g7(), chp.size(),
                new TradeAnalyzer(chp).analyze(rows, request));
    }

    @Test
    void shouldDrawOneLabelledBarPerCountryLongestForTheLargestSurge() throws Exception {
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(SurgeChart.svg(analysis).getBytes(StandardCharsets.UTF_8)));
        List<String> texts = new ArrayList<>();
        NodeList textNodes = svg.getElementsByTagName("text");
        for (int i = 0; i < textNodes.getLength(); i++) {
            texts.add(textNodes.item(i).getTextContent());
        }
        assertThat(texts).contains("TR (1)", "AM (2)", "KG (3)", "KZ (4)", "CH (5)", "1\u00d7", "10\u00d7")
                .anyMatch(t -> t.startsWith("CHP exports to Russia, Belarus and neighbours"))
                .anyMatch(t -> t.startsWith("Export surge ratio"))
                .anyMatch(t -> t.startsWith("5.6x") || t.startsWith("5.64\u00d7"));
        List<Double> widths = new ArrayList<>();
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 1; i < rects.getLength(); i++) { // the first rect is the background
            widths.add(Double.parseDouble(((Element) rects.item(i)).getAttribute("width")));
        }
        assertThat(widths).hasSize(5);
        assertThat(widths.get(1)).isGreaterThan(widths.get(0)); // Armenia's 55x is longer than Turkey's 5.6x
        assertThat(widths.get(0)).isGreaterThan(widths.get(4)); // Turkey far beyond the Swiss control
    }

    @Test
    void shouldWriteARankedTableAndTheEvidence() {
        StringWriter out = new StringWriter();
        TradeTable.write(analysis, new PrintWriter(out));
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("CHP trade surge: 2023-01..2023-09 vs average of the same months 2015-2021 (5 CHP codes)");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\s+1\\s+TR\\s+100\\s+\\$158\\.0m\\s+\\$28\\.0m\\s+5\\.6x\\s+\\$805\\.0m\\s+\\+61%\\s+80%"))
                .anySatisfy(l -> assertThat(l).matches("\\s+5\\s+CH\\s+\\d\\s+.*"))
                .anySatisfy(l -> assertThat(l).startsWith("TR score 100 (surge 60 + G7 imports 20 + mirror gap 20): CHP exports to"));
    }
}
