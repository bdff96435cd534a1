package org.clearance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ErrorTraceTest {

    @Test
    void shouldKeepClassesAndFramesOfEveryCauseButNoMessage() {
        SQLException database = new SQLException("Value too long for column \"NAME\": 'Velmira Optics GmbH'");
        IllegalStateException error = new IllegalStateException("storing order for Velmira Optics GmbH", database);

        String trace = ErrorTrace.of(error);

        assertThat(trace).doesNotContain("Velmira").doesNotContain("Value too long")
                .startsWith("java.lang.IllegalStateException\n\tat " + getClass().getName())
                .contains("caused by java.sql.SQLException\n\tat ");
    }

    @Test
    void shouldStopAtACauseThatPointsBackAndShortenLongStacks() {
        RuntimeException outer = new RuntimeException("a");
        RuntimeException inner = new RuntimeException("b", outer);
        outer.initCause(inner);
        outer.setStackTrace(Stream.generate(() -> new StackTraceElement("X", "m", "X.java", 1))
                .limit(40).toArray(StackTraceElement[]::new));

        String trace = ErrorTrace.of(outer);

        assertThat(trace.split("caused by", -1)).hasSize(2);
        assertThat(trace).contains("\t... 28 more");
    }
}
