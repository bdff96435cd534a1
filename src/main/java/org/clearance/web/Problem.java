package org.clearance.web;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), with {@code errors}
 * listing every input problem by JSON pointer.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem; errors lists every input problem by JSON pointer.")
public record Problem(String type, String title, int status, String detail, String instance, List<Error> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One problem in the request: where (source and JSON pointer) and what. */
    @Schema(name = "ProblemError", description = "One problem: where (source, and a JSON pointer or parameter name) and what.")
    public record Error(String source, String pointer, String message) {
    }
}
