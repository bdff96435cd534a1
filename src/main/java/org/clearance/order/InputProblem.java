package org.clearance.order;

/**
 * One thing wrong with the input: where it came from (file, or file:line for NDJSON), the JSON
 * pointer of the offending field, and what is wrong in plain words.
 */
public record InputProblem(String source, String pointer, String message) {

    /** The CLI form, {@code file:pointer: message}, with control characters escaped (a file name may hold any). */
    @Override
    public String toString() {
        return Printable.escape(source + ":" + (pointer.isEmpty() ? "/" : pointer) + ": " + message);
    }
}
