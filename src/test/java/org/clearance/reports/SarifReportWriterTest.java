package org.clearance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clearance.cli.ScreeningReport;
import org.clearance.order.InputProblem;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackInvalidException;
import org.clearance.rules.RulePackLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional @url metadata becomes the SARIF helpUri; a bad @url stops the pack. */
class SarifReportWriterTest {

    private static final String RULE = """
            package t;
            import org.clearance.facts.Line;
            import org.clearance.facts.Finding;
            rule "T-1 every line needs review"
                @id("T-1") @jurisdiction("US") @severity("REVIEW") @citation("15 CFR 746.8") @effective("2024-01-01")
                %s
            when $l : Line() then insert(Finding.of(drools.getRule(), $l, "review"));
            end
            """;

    @TempDir
    Path dir;

    @Test
    void shouldGiveTheRuleUrlAsHelpUri() throws IOException {
        Files.writeString(dir.resolve("t.drl"), RULE.formatted("@url(\"https://www.ecfr.gov/current/title-15/section-746.8\")"));
        RulePack pack = RulePackLoader.load(dir);
        SourceMap sources = new SourceMap();
        sources.add("orders/in.json", "{\n \"id\": 1}");

        StringWriter out = new StringWriter();
        new SarifReportWriter(sources, pack.rules()).write(new ScreeningReport(pack.hash(), List.of(),
                List.of(new InputProblem("orders/in.json", "/id", "must be a string"))), new PrintWriter(out));

        JsonNode run = new ObjectMapper().readTree(out.toString()).get("runs").get(0);
        JsonNode rule = run.get("tool").get("driver").get("rules").get(0);
        assertThat(rule.get("helpUri").asText()).isEqualTo("https://www.ecfr.gov/current/title-15/section-746.8");
        assertThat(rule.get("properties").has("confidence")).isFalse();
        JsonNode notification = run.get("invocations").get(0).get("toolExecutionNotifications").get(0);
        assertThat(notification.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(2);
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(Path.of("src/test/resources/sarif/sarif-schema-2.1.0-rtm.5.json")), InputFormat.JSON)
                .validate(out.toString(), InputFormat.JSON)).isEmpty();
    }

    @Test
    void shouldLeaveOutHelpUriWithoutUrlAndRejectAUrlThatIsNotHttp() throws IOException {
        Files.writeString(dir.resolve("t.drl"), RULE.formatted(""));
        assertThat(RulePackLoader.load(dir).rules().get(0).url()).isNull();

        Files.writeString(dir.resolve("t.drl"), RULE.formatted("@url(\"eur-lex 833/2014\")"));
        assertThatThrownBy(() -> RulePackLoader.load(dir)).isInstanceOfSatisfying(RulePackInvalidException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.message())
                        .contains("has @url(\"eur-lex 833/2014\"), which is not an http(s) address")));
    }

    @Test
    void shouldMakeRelativePathsRelativeUris() {
        assertThat(SarifReportWriter.uri("examples/orders/a b.json")).isEqualTo("examples/orders/a%20b.json");
        assertThat(SarifReportWriter.uri("/tmp/a.json")).isEqualTo("file:///tmp/a.json");
        assertThat(SarifReportWriter.uri("<stdin>")).isNull();
    }

    @Test
    void shouldGiveEveryHostileFileNameAValidRelativeUriThatResolvesToItself() throws Exception {
        StringWriter out = new StringWriter();
        new SarifReportWriter(HostileNames.sources(), List.of()).write(HostileNames.report(), new PrintWriter(out));

        JsonNode run = new ObjectMapper().readTree(out.toString()).get("runs").get(0);
        // Each input problem is a result and a notification; each finding a result.
        List<JsonNode> findings = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        run.get("results").forEach(r -> {
            if (r.get("ruleId").asText().equals(RunProblem.INPUT)) {
                uris.add(artifactUri(r));
            } else {
                findings.add(r);
            }
        });
        findings.forEach(r -> uris.add(artifactUri(r)));
        run.get("invocations").get(0).get("toolExecutionNotifications").forEach(n -> uris.add(artifactUri(n)));
        List<String> files = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            files.addAll(HostileNames.FILES);
        }
        assertThat(uris).hasSize(files.size());
        URI checkout = new URI("file:///checkout/");
        for (int i = 0; i < uris.size(); i++) {
            URI uri = new URI(uris.get(i)); // throws URISyntaxException unless a valid URI reference
            assertThat(uri.getScheme()).as(uris.get(i)).isNull();
            assertThat(uris.get(i)).as("ASCII only").matches("\\p{ASCII}+").doesNotContain(" ", "#", "\n");
            assertThat(checkout.resolve(uri).getPath()).isEqualTo("/checkout/" + files.get(i));
        }
        assertThat(findings.get(0).get("message").get("text").asText())
                .isEqualTo("Order " + HostileNames.ORDER_ID + ", line 1 " + HostileNames.ORDER_ID + ": " + HostileNames.MESSAGE);
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(Path.of("src/test/resources/sarif/sarif-schema-2.1.0-rtm.5.json")), InputFormat.JSON)
                .validate(out.toString(), InputFormat.JSON)).isEmpty();
    }

    @Test
    void shouldKeepAColonInTheFirstSegmentFromReadingAsAScheme() {
        assertThat(SarifReportWriter.uri("c:d.json")).isEqualTo("./c:d.json");
        assertThat(SarifReportWriter.uri("orders/c:d.json")).isEqualTo("orders/c:d.json");
        assertThat(SarifReportWriter.uri("orders\\a b.json")).isEqualTo("orders/a%20b.json");
    }

    @Test
    void shouldEncodeALoneSurrogateAsTheReplacementCharacterAndANulAsItsEscape() {
        assertThat(SarifReportWriter.uri("a\ud800.json")).isEqualTo("a%EF%BF%BD.json");
        assertThat(SarifReportWriter.uri("a\u0000.json")).isEqualTo("a%00.json");
    }

    private static String artifactUri(JsonNode withLocations) {
        return withLocations.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText();
    }
}
