package org.clearance.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How the integration tests start the packaged jar: as a separate {@code java -jar} process. */
public final class PackagedJar {

    private PackagedJar() {
    }

    /**
     * {@code java} with the client compiler only, as the clearance script runs commands: each process the tests start
     * lives seconds, in which the optimising compiler spent half the CPU time of a command (about 25 s of CPU for one
     * order, 12 s without it, on two cores shared with the other test JVM). The servers the tests start get it too:
     * the compiler tier changes how fast code runs, never what it does, and speed is measured by bench/.
     */
    public static List<String> java() {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
    }
}
