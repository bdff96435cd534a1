package org.clearance.lists;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates test fixtures under src/test/resources/lists and writes broken variants of them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path path(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/lists/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    public static String read(String relative) throws IOException {
        return Files.readString(path(relative), StandardCharsets.UTF_8);
    }
}
