package org.clearance.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListImportService;
import org.clearance.security.Actor;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in the system's Chromium against the running server and its database: signing in, screening through
 * the form, working the case as two officers, dismissing a match, and the dashboard's counts moving. The pages it
 * passes are kept as screenshots (docs/console.md shows them; {@code -Ddocs.update=true} writes them there).
 */
@QuarkusTest
@Tag("browser")
class ConsoleBrowserTest {

    /** An invented name on the BIS Entity List, new in every run: the test database outlives the run. */
    private static final String LISTED = "Quorvath Avionics " + letters(6);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @TestHTTPResource("/")
    URL server;

    @Inject
    ListImportService imports;

    @BeforeEach
    void pointAtServer() {
        browsers.at(server.toString());
    }

    @Test
    void shouldSignInWithAnApiKeyShowTheDashboardOfTheRoleAndSignOut() {
        Browser visitor = browsers.open().go("/console/cases");
        assertThat(visitor.path()).as("a page that needs a session sends the visitor to sign in").isEqualTo("/console/sign-in");
        visitor.type(By.id("key"), "clr_0123456789ab_" + "A".repeat(43)).submit(By.cssSelector("#main form button"));
        assertThat(visitor.find(By.cssSelector(".problem")).getText()).isEqualTo("That key is unknown, revoked or expired.");

        Browser officer = visitor.signIn(TestKeys.create(Roles.OFFICER));
        assertThat(officer.find(By.id("cases-heading")).getText()).isEqualTo("Open cases");
        assertThat(officer.text()).contains("Screenings per day").doesNotContain("Screen an order");
        assertThat(officer.driver().manage().getCookieNamed(ConsoleSessionMechanism.COOKIE).isHttpOnly()).isTrue();
        DocsScreenshots.take(officer, "dashboard");

        officer.submit(By.cssSelector(".who button"));
        officer.waitForPath("/console/sign-in");
        officer.go("/console");
        assertThat(officer.path()).as("signed out: the session is gone").isEqualTo("/console/sign-in");
    }

    @Test
    void shouldScreenThroughTheFormAndWorkTheCaseAsTwoOfficers() throws IOException {
        imports.importFile("us-bis-el", ListFormat.CUSTOM_CSV, listFile(), Actor.cliOperator());
        Browser ann = browsers.open().signIn(TestKeys.create(Roles.OFFICER));
        long blocksBefore = blockCount(ann);
        long openBefore = openCases(ann);

        Browser screener = browsers.open().signIn(TestKeys.create(Roles.SCREENER));
        String orderId = "CONSOLE-" + UUID.randomUUID();
        screener.go("/console/screen").type(By.id("order-id"), orderId)
                .type(By.id("seller-name"), "Kessler Antriebstechnik GmbH").type(By.id("seller-country"), "DE")
                .type(By.id("buyer-name"), LISTED).type(By.id("buyer-country"), "AE")
                .type(By.id("end-user-name"), "OOO Uralsky Elektroprivod").type(By.id("end-user-country"), "RU")
                .type(By.name("line.1.description"), "Microcontrollers").type(By.id("line-1-hs"), "8542.31.90")
                .type(By.name("line.1.quantity"), "500").type(By.name("line.1.value"), "12000")
                .type(By.name("line.1.currency"), "EUR");
        DocsScreenshots.take(screener, "screen-form");
        screener.submit(By.id("screen-form")).waitForPathStartingWith("/console/screenings/");
        assertThat(screener.find(By.id("decision")).getText()).isEqualTo("BLOCK");
        assertThat(screener.find(By.id("findings")).getText()).contains("EU-CHP-RU-01").contains("833/2014");
        assertThat(screener.find(By.id("verdicts")).getText()).contains("EU").contains("US");
        WebElement explanation = screener.find(By.cssSelector(".match .explanation"));
        assertThat(explanation.findElements(By.tagName("mark"))).as("the matched tokens are highlighted").isNotEmpty();
        DocsScreenshots.take(screener, "screening");

        ann.go("/console");
        assertThat(blockCount(ann)).as("the dashboard counts the new BLOCK").isEqualTo(blocksBefore + 1);
        assertThat(openCases(ann)).as("and its open case").isEqualTo(openBefore + 1);

        ann.go("/console/cases?q=" + orderId);
        DocsScreenshots.take(ann, "cases");
        ann.submit(By.linkText(orderId)).waitForPathStartingWith("/console/cases/");
        String casePath = ann.path();
        ann.submit(By.cssSelector("#assign-form button"));
        assertThat(ann.find(By.id("assignee")).getText()).startsWith("key:test-");

        WebElement dismissal = ann.find(By.cssSelector("form.match-disposition"));
        new Select(dismissal.findElement(By.name("disposition"))).selectByValue("false_positive");
        dismissal.findElement(By.name("reason")).sendKeys("Different firm: a Dubai free-zone trader");
        ann.submit(dismissal.findElement(By.tagName("button")));
        assertThat(ann.find(By.id("case-matches")).getText()).contains("false_positive").contains("dismissed");

        act(ann, "release", "Desk-checked: civil end use confirmed by the buyer's documents");
        assertThat(ann.find(By.id("release-proposal")).getText()).contains("another officer must approve");
        act(ann, "approve", "Approving my own proposal");
        assertThat(ann.find(By.id("problems")).getText()).as("four eyes: the proposer cannot approve").isNotBlank();
        DocsScreenshots.take(ann, "case");

        Browser bob = browsers.open().signIn(TestKeys.create(Roles.OFFICER));
        bob.go(casePath);
        act(bob, "approve", "Agreed after reading the file");
        assertThat(bob.find(By.id("case-status")).getText()).isEqualTo("released");
        assertThat(bob.find(By.id("timeline")).getText()).contains("release").contains("approve").contains("disposition");

        ann.go("/console/lists");
        WebElement row = ann.find(By.xpath("//table[@id='dismissal-table']//tr[td[contains(., '" + LISTED + "')]]"));
        assertThat(row.getText()).contains("Different firm").contains("active");
        row.findElement(By.name("reason")).sendKeys("The buyer changed hands: screen it again");
        ann.submit(row.findElement(By.tagName("button")));
        assertThat(ann.find(By.xpath("//table[@id='dismissal-table']//tr[td[contains(., '" + LISTED + "')]]")).getText())
                .contains("revoked").contains("The buyer changed hands");
    }

    @Test
    void shouldSayWhatIsWrongWithAnOrderAndKeepWhatWasTyped() {
        Browser screener = browsers.open().signIn(TestKeys.create(Roles.SCREENER));
        screener.go("/console/screen").type(By.id("order-id"), "CONSOLE-BAD")
                .type(By.id("seller-name"), "Kessler GmbH").type(By.id("seller-country"), "DE")
                .type(By.id("buyer-name"), "Somebody").type(By.id("buyer-country"), "XX")
                .type(By.id("line-1-hs"), "85")
                .submit(By.id("screen-form"));
        String problems = screener.find(By.id("problems")).getText();
        assertThat(problems).contains("/buyer/country").contains("/lines/0/hs_code");
        assertThat(screener.find(By.id("buyer-name")).getAttribute("value")).isEqualTo("Somebody");

        screener.go("/console/screen").type(By.id("order-json"), "{\"id\": \"X\", ").submit(By.id("screen-json"));
        assertThat(screener.find(By.id("problems")).getText()).contains("This is not a valid order.");
        assertThat(screener.text()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void shouldBeUsableWithTheKeyboardAndOnATablet() {
        Browser tablet = browsers.open(768, 1024).signIn(TestKeys.create(Roles.OFFICER, Roles.AUDITOR));
        for (String page : new String[]{"/console", "/console/cases", "/console/screenings", "/console/rules", "/console/lists"}) {
            tablet.go(page);
            Object overflow = tablet.driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).longValue()).as(page + " scrolls sideways on a tablet").isLessThanOrEqualTo(0);
        }
        tablet.go("/console/cases");
        tablet.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(tablet.driver().switchTo().activeElement().getText()).as("the first Tab reaches the skip link")
                .isEqualTo("Skip to content");
    }

    @Test
    void shouldShowTheRulesTheirSourceTestsAndVersions() {
        Browser author = browsers.open().signIn(TestKeys.create(Roles.RULE_AUTHOR));
        author.go("/console/rules");
        assertThat(author.find(By.id("regime-EU")).getText()).startsWith("EU (");
        DocsScreenshots.take(author, "rules");
        author.submit(By.linkText("EU-CHP-RU-01"));
        assertThat(author.find(By.id("rule-source")).getText()).contains("rule \"EU-CHP-RU-01");
        assertThat(author.find(By.id("rule-cases")).getText()).contains("fires").contains("near miss");
        author.go("/console/rules");
        author.submit(By.cssSelector("#versions tbody tr:first-child a"));
        assertThat(author.text()).contains("Rule pack version");
    }

    @Test
    void shouldImportAListSearchItAndExplainTheMatch() throws IOException {
        Browser manager = browsers.open().signIn(TestKeys.create(Roles.LIST_MANAGER));
        String name = "Velmorra Trading " + letters(6);
        Path file = Files.writeString(Files.createTempFile("watch", ".csv"),
                "name,aliases,country,address,reason\n" + name + ",,TR,,console test\n");
        manager.go("/console/lists").type(By.id("import-source"), "console-watch");
        new Select(manager.find(By.id("import-format"))).selectByValue("CUSTOM_CSV");
        manager.find(By.id("import-file")).sendKeys(file.toString());
        manager.submit(By.cssSelector("#import-form button"));
        assertThat(manager.find(By.id("notice")).getText()).contains("imported");
        assertThat(manager.find(By.id("sources")).getText()).contains("console-watch");

        manager.type(By.id("search-name"), name.toLowerCase().replace("trading", "tradng")).submit(By.cssSelector("form[role=search] button"));
        WebElement result = manager.find(By.cssSelector(".search-result"));
        assertThat(result.getText()).contains(name);
        assertThat(result.findElements(By.tagName("mark"))).isNotEmpty();
        DocsScreenshots.take(manager, "lists");

        Path garbled = Files.writeString(Files.createTempFile("garbled", ".xml"), "<not-a-list");
        manager.go("/console/lists").type(By.id("import-source"), "console-watch");
        new Select(manager.find(By.id("import-format"))).selectByValue("EU_FSF_XML");
        manager.find(By.id("import-file")).sendKeys(garbled.toString());
        manager.submit(By.cssSelector("#import-form button"));
        assertThat(manager.find(By.id("problem")).getText()).contains("Nothing was imported");
    }

    private static void act(Browser officer, String action, String reason) {
        new Select(officer.find(By.id("action-select"))).selectByValue(action);
        officer.type(By.id("action-reason"), reason).submit(By.id("action-submit"));
    }

    private static long blockCount(Browser officer) {
        return Long.parseLong(officer.find(By.cssSelector("td[data-decision=BLOCK]")).getText());
    }

    private static long openCases(Browser officer) {
        return Long.parseLong(officer.find(By.id("open-cases")).getText().replace(" open", ""));
    }

    private static Path listFile() throws IOException {
        return Files.writeString(Files.createTempFile("el", ".csv"),
                "name,aliases,country,address,reason\n" + LISTED + ",,AE,,console test entry\n");
    }

    private static String letters(int n) {
        Random random = new Random();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
