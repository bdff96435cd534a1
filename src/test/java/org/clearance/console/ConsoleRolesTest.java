package org.clearance.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clearance.security.ApiKeys;
import org.clearance.security.CreatedApiKey;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Every page and form of the console, found in its classes, against the page × role table of docs/console.md: a
 * visitor without a session is sent to sign in, every role outside a row gets 403, every role in it gets the page, and
 * every form refuses a post without its session's token. The callers are real sessions opened through the sign-in form.
 */
@QuarkusTest
class ConsoleRolesTest {

    /** Anyone, signed in or not. */
    static final String ANYONE = "anyone";
    /** Whoever the identity provider signs in (ConsoleOidcBrowserTest); no key or session counts there. */
    static final String PROVIDER = "provider";
    private static final String SCREENER = Roles.SCREENER;
    private static final String OFFICER = Roles.OFFICER;
    private static final String AUTHOR = Roles.RULE_AUTHOR;
    private static final String LISTS = Roles.LIST_MANAGER;
    private static final String AUDITOR = Roles.AUDITOR;
    private static final Set<String> SIGNED_IN = Roles.ALL;

    /** The table of docs/console.md: route → the roles that may use it. */
    static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("GET /", Set.of(ANYONE));
        MATRIX.put("GET /console/sign-in", Set.of(ANYONE));
        MATRIX.put("POST /console/sign-in", Set.of(ANYONE));
        MATRIX.put("POST /console/sign-out", SIGNED_IN);
        MATRIX.put("GET /console/oidc/login", Set.of(PROVIDER));
        MATRIX.put("GET /console", SIGNED_IN);
        MATRIX.put("GET /console/screen", Set.of(SCREENER));
        MATRIX.put("POST /console/screen", Set.of(SCREENER));
        MATRIX.put("POST /console/screen/json", Set.of(SCREENER));
        MATRIX.put("GET /console/screenings", Set.of(SCREENER, OFFICER, AUDITOR));
        MATRIX.put("GET /console/screenings/{id}", Set.of(SCREENER, OFFICER, AUDITOR));
        MATRIX.put("GET /console/screenings/{id}/replay", Set.of(OFFICER, AUDITOR));
        MATRIX.put("GET /console/cases", Set.of(OFFICER, AUDITOR));
        MATRIX.put("GET /console/cases/{id}", Set.of(OFFICER, AUDITOR));
        MATRIX.put("POST /console/cases/{id}/actions", Set.of(OFFICER));
        MATRIX.put("POST /console/cases/{id}/dispositions", Set.of(OFFICER));
        MATRIX.put("GET /console/rules", Set.of(AUTHOR, OFFICER, AUDITOR));
        MATRIX.put("GET /console/rules/{id}", Set.of(AUTHOR, OFFICER, AUDITOR));
        MATRIX.put("GET /console/rules/versions/{version}", Set.of(AUTHOR, OFFICER, AUDITOR));
        MATRIX.put("GET /console/lists", Set.of(LISTS, OFFICER, AUDITOR));
        MATRIX.put("GET /console/lists/{source}", Set.of(LISTS, OFFICER, AUDITOR));
        MATRIX.put("POST /console/lists/import", Set.of(LISTS));
        MATRIX.put("POST /console/lists/dismissals/{id}/revoke", Set.of(OFFICER));
    }

    private static final Map<String, String> SESSIONS = new TreeMap<>();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A route of a console class. */
    record Route(String method, String path, Set<String> roles) {
        String key() {
            return method + " " + path;
        }

        String concretePath() {
            return path.replace("{id}", UUID.randomUUID().toString()).replace("{source}", "no-such-source")
                    .replace("{version}", "987654321");
        }
    }

    /** One session per role, opened on first use: RestAssured knows the test server's port only once a test runs. */
    private static Map<String, String> sessions() {
        if (SESSIONS.isEmpty()) {
            for (String role : new TreeSet<>(Roles.ALL)) {
                SESSIONS.put(role, ConsoleSignIn.session(TestKeys.create(role)));
            }
        }
        return SESSIONS;
    }

    @Test
    void shouldHaveEveryConsoleRouteInTheMatrixWithTheRolesItsCodeDeclares() throws Exception {
        Map<String, Set<String>> declared = new TreeMap<>();
        routes().forEach(r -> declared.put(r.key(), r.roles()));
        assertThat(declared).as("routes × roles as annotated (add a row here and in docs/console.md)")
                .isEqualTo(new TreeMap<>(MATRIX));
    }

    @Test
    void shouldSendAVisitorWithoutASessionToSignIn() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            if (route.roles().contains(ANYONE) || route.roles().contains(PROVIDER)) {
                continue;
            }
            Response response = call(given(), route);
            if (response.statusCode() != 303 || !"/console/sign-in".equals(response.header("Location"))) {
                wrong.add(route.key() + " → " + response.statusCode() + " " + response.header("Location"));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldRefuseEveryRoleOutsideTheMatrixAndEveryFormWithoutItsToken() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            if (route.roles().contains(ANYONE) || route.roles().contains(PROVIDER)) {
                continue;
            }
            for (Map.Entry<String, String> session : sessions().entrySet()) {
                Response response = call(given().cookie(ConsoleSessionMechanism.COOKIE, session.getValue()), route);
                boolean allowed = route.roles().contains(session.getKey());
                int status = response.statusCode();
                String outcome = route.key() + " as " + session.getKey() + " → " + status;
                if (!allowed && status != 403) {
                    wrong.add(outcome + " (not allowed)");
                } else if (allowed && route.method().equals("POST")
                        && !(status == 403 && response.asString().contains("Form refused"))) {
                    wrong.add(outcome + " (a form without its token must be refused)");
                } else if (allowed && route.method().equals("GET") && (status == 401 || status == 403 || status == 303
                        || status >= 500 || !response.contentType().startsWith("text/html"))) {
                    wrong.add(outcome + " " + response.contentType() + " (allowed)");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldRefuseAFormCarryingAnotherSessionsToken() {
        String ann = ConsoleSignIn.session(TestKeys.create(OFFICER));
        String bob = ConsoleSignIn.session(TestKeys.create(OFFICER));
        String bobsToken = csrfOf(bob);
        given().cookie(ConsoleSessionMechanism.COOKIE, ann).redirects().follow(false).formParam("_csrf", bobsToken)
                .post("/console/sign-out").then().statusCode(403);
        given().cookie(ConsoleSessionMechanism.COOKIE, ann).redirects().follow(false).formParam("_csrf", csrfOf(ann))
                .post("/console/sign-out").then().statusCode(303).header("Location", "/console/sign-in");
        given().cookie(ConsoleSessionMechanism.COOKIE, ann).redirects().follow(false).get("/console").then()
                .statusCode(303).header("Location", "/console/sign-in");
    }

    @Test
    void shouldRefuseConsoleFormsFromAnApiKeyAndNeverAcceptTheCookieOnTheApi() {
        TestKeys.as(OFFICER).redirects().follow(false).formParam("_csrf", "anything").formParam("action", "assign")
                .post("/console/cases/" + UUID.randomUUID() + "/actions").then().statusCode(403);
        given().cookie(ConsoleSessionMechanism.COOKIE, sessions().get(OFFICER)).get("/api/v1/cases").then().statusCode(401);
    }

    @Test
    void shouldEndTheSessionsOfARevokedKeyAtOnce() {
        CreatedApiKey key = TestKeys.created(OFFICER);
        String session = ConsoleSignIn.session(key.secret());
        given().cookie(ConsoleSessionMechanism.COOKIE, session).redirects().follow(false).get("/console").then().statusCode(200);
        io.quarkus.arc.Arc.container().instance(ApiKeys.class).get().revoke(key.key().name(),
                org.clearance.security.Actor.system("test"));
        given().cookie(ConsoleSessionMechanism.COOKIE, session).redirects().follow(false).get("/console").then()
                .statusCode(303).header("Location", "/console/sign-in");
    }

    @Test
    void shouldSetAHardenedCookieAndAStrictContentSecurityPolicy() {
        Response signIn = ConsoleSignIn.post(TestKeys.create(AUDITOR));
        String cookie = signIn.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleSessionMechanism.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax").contains("Path=/");
        Response page = given().cookie(ConsoleSessionMechanism.COOKIE, signIn.getCookie(ConsoleSessionMechanism.COOKIE))
                .get("/console");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void shouldNotSignInWithAFormThatDidNotComeFromTheSignInPage() {
        given().redirects().follow(false).formParam("key", TestKeys.create(OFFICER)).formParam("_csrf", "forged")
                .cookie(SignInPage.SIGN_IN_COOKIE, "other").post("/console/sign-in").then().statusCode(403);
        given().redirects().follow(false).formParam("key", "x".repeat(1_000_000)).post("/console/sign-in").then()
                .statusCode(403);
    }

    private static String csrfOf(String session) {
        String html = given().cookie(ConsoleSessionMechanism.COOKIE, session).get("/console").asString();
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("the page's forms carry the session's token").isTrue();
        return m.group(1);
    }

    private static Response call(RequestSpecification request, Route route) {
        request = request.redirects().follow(false);
        if (route.method().equals("POST")) {
            request = route.path().equals("/console/lists/import")
                    ? request.multiPart("source", "x") : request.formParam("reason", "test");
        }
        return request.request(route.method(), route.concretePath());
    }

    /** Every GET and POST of the console's classes, with the roles their annotations allow. */
    static List<Route> routes() throws IOException, ClassNotFoundException {
        List<Route> routes = new ArrayList<>();
        java.nio.file.Path folder = java.nio.file.Path.of("target", "classes", "org", "clearance", "console");
        try (Stream<java.nio.file.Path> files = Files.list(folder)) {
            for (java.nio.file.Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName("org.clearance.console." + name.replace(".class", ""));
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST" : null;
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = (base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                        routes.add(new Route(verb, path.length() > 1 ? path.replaceAll("/$", "") : path, roles(type, method)));
                    }
                }
            }
        }
        return routes;
    }

    @Test
    void shouldOpenNoSessionOnTheProvidersLoginWithoutAProvider() {
        for (String session : sessions().values()) {
            Response response = given().cookie(ConsoleSessionMechanism.COOKIE, session).redirects().follow(false)
                    .get("/console/oidc/login");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.getCookie(ConsoleSessionMechanism.COOKIE)).isNull();
        }
        TestKeys.as(OFFICER).redirects().follow(false).get("/console/oidc/login").then().statusCode(401);
    }

    private static Set<String> roles(Class<?> type, Method method) {
        if (type == OidcSignInPage.class) {
            return Set.of(PROVIDER);
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return Set.of(ANYONE);
        }
        if (method.isAnnotationPresent(Authenticated.class)) {
            return SIGNED_IN;
        }
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : type.getAnnotation(RolesAllowed.class);
        return roles == null ? Set.of() : Set.of(roles.value());
    }
}
