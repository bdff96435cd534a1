package org.clearance.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.clearance.testing.IdentityProviders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The console's login through an OpenID Connect provider (authorization code flow), in Chromium. */
@QuarkusTest
@TestProfile(IdentityProviders.class)
@Tag("browser")
class ConsoleOidcBrowserTest {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @TestHTTPResource("/")
    URL server;

    @Test
    void shouldSignInThroughTheProviderWithTheRolesItGives() {
        Browser officer = browsers.at(server.toString()).open().go("/console/sign-in");
        officer.submit(By.id("provider-login"));
        officer.waitForPath("/console");
        assertThat(officer.find(By.cssSelector(".who span")).getText()).isEqualTo(FakeIdentityProvider.USER);
        assertThat(officer.text()).contains("Cases").doesNotContain("Screen an order");
        officer.go("/console/cases");
        assertThat(officer.find(By.tagName("h1")).getText()).isEqualTo("Cases");
        officer.go("/console/screen");
        assertThat(officer.find(By.tagName("h1")).getText()).as("a role the provider did not give").isEqualTo("Forbidden");
    }

    @Test
    void shouldTakeNoOtherCredentialThanTheProvidersOnItsLogin() {
        String location = TestKeys.as(Roles.OFFICER).redirects().follow(false).get("/console/oidc/login").then()
                .statusCode(302).extract().header("Location");
        assertThat(location).as("an API key does not open a session here: to the provider").contains("/authorize?");
        given().redirects().follow(false).get("/console/oidc/login").then().statusCode(302);
    }
}
