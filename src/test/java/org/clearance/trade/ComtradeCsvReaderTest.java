package org.clearance.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ComtradeCsvReaderTest {

    private static TradeFile read(String text) throws IOException {
        return ComtradeCsvReader.read(new StringReader(text), "t.csv");
    }

    @Test
    void shouldReadComtradeColumnsByNameMappingIso3ToIso2() throws IOException {
        TradeFile file = read("""
                reporterISO,extra,partnerISO,cmdCode,period,flowCode,freqCode,primaryValue
                TUR,x,RUS,854231,202309,X,M,13900000.50
                KGZ,y,DEU,847150,202301,M,M,1000
                """);
        assertThat(file.rows()).containsExactly(
                new TradeRow("TR", "RU", "854231", YearMonth.of(2023, 9), TradeFlow.EXPORT, new BigDecimal("13900000.50")),
                new TradeRow("KG", "DE", "847150", YearMonth.of(2023, 1), TradeFlow.IMPORT, new BigDecimal("1000")));
        assertThat(file.skipped()).isEmpty();
    }

    @Test
    void shouldSkipWorldTotalsReExportsBreakdownsAndCoarserCodesCountingWhy() throws IOException {
        TradeFile file = read("""
                freqCode,period,reporterISO,flowCode,partnerCode,partnerISO,cmdCode,motCode,primaryValue
                M,202301,TUR,X,0,W00,854231,0,5
                M,202301,TUR,RX,643,RUS,854231,0,5
                M,202301,TUR,X,643,RUS,854231,1000,5
                M,202301,TUR,X,643,RUS,8542,0,5
                M,202301,TUR,X,643,RUS,854231,0,5
                """);
        assertThat(file.rows()).hasSize(1);
        assertThat(file.skipped()).containsEntry("partner World (W00)", 1).containsEntry("flowCode RX", 1)
                .containsEntry("breakdown by motCode", 1).containsEntry("cmdCode not at HS-6 level", 1);
    }

    @Test
    void shouldReportEveryBadRowWithItsLine() {
        Path file = Path.of("src/test/resources/trade/bad-rows.csv");
        assertThatThrownBy(() -> ComtradeCsvReader.read(Files.newBufferedReader(file), file.toString()))
                .isInstanceOfSatisfying(TradeFileException.class, e -> assertThat(e.problems()).extracting(
                        p -> p.line() + ": " + p.message()).containsExactly(
                        "3: period '202313' has no month 13",
                        "4: partnerISO 'XYZ' is not a known country code",
                        "6: cmdCode '85423' is not a 6-digit HS code",
                        "7: primaryValue -5 is negative",
                        "8: primaryValue 'LOTS' is not a number",
                        "9: freqCode 'A': only monthly data (M) can be compared month by month",
                        "10: the same reporter, partner, cmdCode, period and flow as line 2"));
    }

    @Test
    void shouldNameTheMissingComtradeColumns() {
        assertThatThrownBy(() -> read("reporter,partner,hs,period,flow,value\nTUR,RUS,854231,202301,X,5\n"))
                .isInstanceOfSatisfying(TradeFileException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.line()).isEqualTo(1))
                        .satisfies(p -> assertThat(p.message()).contains("freqCode", "reporterISO", "primaryValue")));
    }

    @Test
    void shouldReportTheLineOfBrokenCsvQuoting() {
        assertThatThrownBy(() -> read("freqCode,period,reporterISO,flowCode,partnerISO,cmdCode,primaryValue\n"
                + "M,202301,TUR,X,RUS,854231,5\nM,202301,\"TUR,X,RUS,854231,5\n"))
                .isInstanceOfSatisfying(TradeFileException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.line()).isEqualTo(3))
                        .satisfies(p -> assertThat(p.message()).startsWith("not valid CSV: Missing closing quote")));
    }
}
