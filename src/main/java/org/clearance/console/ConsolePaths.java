package org.clearance.console;

/** The console's addresses that more than one page links to. */
final class ConsolePaths {

    static final String HOME = "/console";
    static final String SIGN_IN = "/console/sign-in";
    static final String SCREEN = "/console/screen";
    static final String SCREENINGS = "/console/screenings";
    static final String CASES = "/console/cases";
    static final String RULES = "/console/rules";
    static final String LISTS = "/console/lists";

    /**
     * A 303 to a console path. The header is set as text: JAX-RS would make the path absolute from the request's
     * Host header, which the client controls. {@code cookies} are set (or cleared) with it.
     */
    static jakarta.ws.rs.core.Response redirect(String path, jakarta.ws.rs.core.NewCookie... cookies) {
        return jakarta.ws.rs.core.Response.status(jakarta.ws.rs.core.Response.Status.SEE_OTHER)
                .header(jakarta.ws.rs.core.HttpHeaders.LOCATION, path).cookie(cookies).build();
    }

    static String screening(Object id) {
        return SCREENINGS + "/" + id;
    }

    static String caseOf(Object id) {
        return CASES + "/" + id;
    }

    private ConsolePaths() {
    }
}
