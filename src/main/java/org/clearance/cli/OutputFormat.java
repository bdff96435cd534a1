package org.clearance.cli;

/** The closed set of report formats of {@code clearance screen}. */
public enum OutputFormat {
    /** One block per order with its decision, verdicts and a table of findings. */
    TEXT,
    /** One JSON object: rule pack, results and errors (docs/cli.md). */
    JSON,
    /** JUnit XML: a test case per order × finding, failures at or above --fail-on, input errors as errors. */
    JUNIT,
    /** SARIF 2.1.0: the rules as reportingDescriptors, each finding a result located at its order file and line. */
    SARIF,
    /** GitHub Actions workflow commands ({@code ::error file=…,line=…::…}), shown as annotations. */
    GITHUB
}
