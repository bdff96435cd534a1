package org.clearance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.clearance.order.InputProblem;
import org.clearance.screening.ScreeningView;

/** Writes a screening report as one JSON document, with the same field names as the HTTP API. */
@ApplicationScoped
public class JsonReportWriter {

    private final ObjectMapper mapper;

    JsonReportWriter(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public void write(ScreeningReport report, PrintWriter out) {
        try {
            out.println(mapper.writeValueAsString(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report", e);
        }
        out.flush();
    }

    /**
     * The same document written as the run goes: the pack, then each result as it comes, then the errors. The text
     * equals what {@link #write} gives for the same report.
     */
    ReportSink open(String rulePack, PrintWriter out) {
        JsonGenerator json;
        try {
            json = mapper.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("rule_pack", rulePack);
            json.writeArrayFieldStart("results");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report", e);
        }
        return new ReportSink() {
            @Override
            public void add(ScreeningView result) {
                try {
                    mapper.writeValue(json, result);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the report", e);
                }
            }

            @Override
            public void finish(List<InputProblem> errors) {
                try {
                    json.writeEndArray();
                    json.writeFieldName("errors");
                    mapper.writeValue(json, errors);
                    json.writeEndObject();
                    json.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the report", e);
                }
                out.println();
                out.flush();
            }
        };
    }
}
