package org.clearance.web;

import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), with {@code errors}
 * listing every input problem by JSON pointer.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<Error> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One problem in the request: where (source and JSON pointer) and what. */
    public record Error(String source, String pointer, String message) {
    }
}
