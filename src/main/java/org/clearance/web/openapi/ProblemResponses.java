package org.clearance.web.openapi;

import java.util.Map;

/** The problem responses of the API and what each status means, as ProblemMapper and the security layer answer. */
final class ProblemResponses {

    /** What any API operation can answer. */
    static final Map<String, String> COMMON = Map.of(
            "400", "The request is invalid: errors lists every problem with its JSON pointer (or query parameter).",
            "401", "No credentials, or an API key or token that is unknown, expired or revoked.",
            "403", "The caller has no role this endpoint needs (docs/security.md).",
            "500", "An unexpected error; detail gives the reference under which it was logged.");
    /** What an operation on a resource named in the path can answer. */
    static final Map<String, String> WITH_PATH_PARAMETER = Map.of(
            "404", "Nothing with this id, or nothing the caller may see.");
    /** What an operation with a request body can answer. */
    static final Map<String, String> WITH_BODY = Map.of(
            "415", "The Content-Type is not one this operation accepts.");

    private static final Map<String, String> OTHERS = Map.of(
            "404", "Not found.",
            "409", "The request conflicts with the current state; nothing was changed.",
            "413", "The request body is over the limit.",
            "415", "The Content-Type is not one this operation accepts.",
            "422", "The request is well-formed but cannot be carried out.",
            "429", "Another request of this kind is running; retry after the Retry-After seconds.",
            "503", "The service cannot handle the request now.");

    private ProblemResponses() {
    }

    static String describe(String status) {
        String description = COMMON.getOrDefault(status, OTHERS.get(status));
        return description != null ? description : "A problem.";
    }
}
