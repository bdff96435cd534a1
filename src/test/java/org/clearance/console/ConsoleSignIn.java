package org.clearance.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in through the console's sign-in form over HTTP, as a browser does, for tests without a browser. */
final class ConsoleSignIn {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ConsoleSignIn() {
    }

    /** The answer to posting {@code key} on a fresh sign-in form. */
    static Response post(String key) {
        Response form = given().redirects().follow(false).get("/console/sign-in");
        Matcher token = TOKEN.matcher(form.asString());
        assertThat(token.find()).as("the sign-in form carries its token").isTrue();
        return given().redirects().follow(false).cookie(SignInPage.SIGN_IN_COOKIE, form.getCookie(SignInPage.SIGN_IN_COOKIE))
                .formParam("key", key).formParam("_csrf", token.group(1)).post("/console/sign-in");
    }

    /** The session cookie's value after signing in with {@code key}. */
    static String session(String key) {
        Response response = post(key);
        assertThat(response.statusCode()).as("signing in").isEqualTo(303);
        return response.getCookie(ConsoleSessionMechanism.COOKIE);
    }
}
