package org.clearance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GithubReportWriterTest {

    @Test
    void shouldEscapeWorkflowCommandDataAndProperties() {
        String command = GithubReportWriter.command("warning", new Position("orders/a,b.json", 3, 7),
                "EU-12G-01: 100% sure", "line 1\nneeds review: 50%");

        assertThat(command).isEqualTo(
                "::warning file=orders/a%2Cb.json,line=3,col=7,title=EU-12G-01%3A 100%25 sure::line 1%0Aneeds review: 50%25");
    }

    @Test
    void shouldLeaveOutLineAndColumnWhenUnknown() {
        assertThat(GithubReportWriter.command("error", new Position("<stdin>", 0, 0), "input error", "/: empty"))
                .isEqualTo("::error file=<stdin>,title=input error::/: empty");
    }
}
