package org.clearance.trade;

import java.util.List;

/** A trade file with bad rows: every problem with its line; nothing of the file was imported. */
public class TradeFileException extends RuntimeException {

    /** One bad row (or the header, line 1) and what is wrong with it. */
    public record Problem(long line, String message) {
    }

    private final String file;
    private final List<Problem> problems;

    public TradeFileException(String file, List<Problem> problems) {
        super(file + ": " + problems.size() + " bad row(s), first: line " + problems.get(0).line() + ": "
                + problems.get(0).message());
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }
}
