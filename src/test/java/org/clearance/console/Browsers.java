package org.clearance.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The browsers a test opened: on failure each leaves a screenshot and its page's HTML under target/browser-failures,
 * and all are closed after each test.
 */
final class Browsers implements TestWatcher, AfterEachCallback {

    private final List<Browser> open = new ArrayList<>();
    private String base;

    Browsers at(String base) {
        this.base = base;
        return this;
    }

    Browser open() {
        Browser browser = Browser.open(base);
        open.add(browser);
        return browser;
    }

    Browser open(int width, int height) {
        Browser browser = Browser.open(base, width, height);
        open.add(browser);
        return browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (int i = 0; i < open.size(); i++) {
            open.get(i).keepEvidence(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + "-" + (i + 1));
        }
        closeAll();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        closeAll();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        closeAll();
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // TestWatcher runs after afterEach: the browsers stay open until the outcome is known.
    }

    private void closeAll() {
        open.forEach(Browser::close);
        open.clear();
    }
}
