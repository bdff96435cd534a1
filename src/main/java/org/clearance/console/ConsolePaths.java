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

    static String screening(Object id) {
        return SCREENINGS + "/" + id;
    }

    static String caseOf(Object id) {
        return CASES + "/" + id;
    }

    private ConsolePaths() {
    }
}
