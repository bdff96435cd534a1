package org.clearance.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The console in the system's Chromium against the running server and its database. */
@QuarkusTest
@Tag("browser")
class ConsoleBrowserTest {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @TestHTTPResource("/")
    URL server;

    @BeforeEach
    void pointAtServer() {
        browsers.at(server.toString());
    }

    @Test
    void shouldSignInWithAnApiKeyAndShowTheDashboardOfTheRole() {
        Browser officer = browsers.open().signIn(TestKeys.create(Roles.OFFICER));

        assertThat(officer.find(By.id("cases-heading")).getText()).isEqualTo("Open cases");
        assertThat(officer.text()).contains("Screenings per day").doesNotContain("Screen an order");
    }
}
