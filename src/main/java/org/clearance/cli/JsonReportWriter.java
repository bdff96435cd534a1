package org.clearance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintWriter;

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
}
