package org.clearance.lists;

/**
 * A list file does not follow its format. Names the file and the line (or record) that broke so an operator
 * can find it; the import that raised it produced nothing.
 */
public class ListFormatException extends RuntimeException {

    private final String file;
    private final String location;

    public ListFormatException(String file, String location, String problem) {
        this(file, location, problem, null);
    }

    public ListFormatException(String file, String location, String problem, Throwable cause) {
        super(file + " " + location + ": " + problem, cause);
        this.file = file;
        this.location = location;
        this.problem = problem;
    }

    private final String problem;

    /** Convenience for line-oriented formats: location reads "line N". */
    public static ListFormatException atLine(String file, long line, String problem) {
        return new ListFormatException(file, "line " + line, problem);
    }

    public String file() {
        return file;
    }

    /** "line 12", "record 4 (logicalId 13)", "results[3]" … */
    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }
}
