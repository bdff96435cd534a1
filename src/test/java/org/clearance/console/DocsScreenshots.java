package org.clearance.console;

import java.nio.file.Path;

/**
 * The screenshots docs/console.md shows, taken by the browser tests on the pages they reach: written to docs/console/
 * with {@code -Ddocs.update=true}, otherwise to target/console-screenshots/ to look at.
 */
final class DocsScreenshots {

    private DocsScreenshots() {
    }

    static void take(Browser browser, String name) {
        Path folder = Boolean.getBoolean("docs.update") ? Path.of("docs", "console") : Path.of("target", "console-screenshots");
        browser.screenshot(folder.resolve(name + ".png"));
    }
}
