package org.clearance.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's Chromium, headless, driven through chromium-driver: Debian's {@code chromium} and
 * {@code chromium-driver} packages. Without them the browser tests are skipped, unless {@code -Dbrowser.required=true}
 * (as {@code .ci/run} sets), which makes a missing browser a failure.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("browser.driver", "/usr/bin/chromedriver"));
    /** Where failing tests leave a screenshot and the page's HTML. */
    static final Path FAILURES = Path.of("target", "browser-failures");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** A fresh browser (its own profile: no cookies) at the size of a laptop screen. */
    static Browser open(String base) {
        return open(base, 1280, 900);
    }

    static Browser open(String base, int width, int height) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (Boolean.getBoolean("browser.required")) {
            assertThat(present).as("Chromium at " + CHROMIUM + " and its driver at " + DRIVER
                    + " (apt-get install chromium chromium-driver)").isTrue();
        }
        Assumptions.assumeTrue(present, "Chromium or chromium-driver is not installed");
        try {
            Path profile = Files.createTempDirectory("clearance-chromium");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-extensions",
                    "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, base.replaceAll("/+$", ""), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in with {@code key} through the sign-in form, and checks that the dashboard opened. */
    Browser signIn(String key) {
        go("/console/sign-in");
        type(By.id("key"), key);
        submit(By.cssSelector("form[action='/console/sign-in'] button"));
        waitForPath("/console");
        return this;
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Browser type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser click(By by) {
        find(by).click();
        return this;
    }

    /** Clicks what submits a form or follows a link, and waits for the next page to load. */
    Browser submit(By by) {
        return submit(find(by));
    }

    /**
     * As {@link #submit(By)}, for an element already found (a form's button). The old page is marked in its window,
     * which a new document does not have; Chromium's own staleness answer is not reliable while a page is replaced.
     */
    Browser submit(WebElement button) {
        driver.executeScript("window.clearanceOldPage = true;");
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.clearanceOldPage === undefined && document.readyState === 'complete';")));
        return this;
    }

    void waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> path().equals(path));
    }

    void waitForPathStartingWith(String prefix) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> path().startsWith(prefix));
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String html() {
        return driver.getPageSource();
    }

    ChromeDriver driver() {
        return driver;
    }

    /** A PNG of the whole page as it is now. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a failed test leaves behind to look at: the screenshot and the HTML of the page it stopped on. */
    void keepEvidence(String name) {
        try {
            screenshot(FAILURES.resolve(name + ".png"));
            Files.writeString(FAILURES.resolve(name + ".html"), html());
        } catch (RuntimeException | IOException e) {
            System.err.println("could not keep the browser's evidence of " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
