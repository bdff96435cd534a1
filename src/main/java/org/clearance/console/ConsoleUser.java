package org.clearance.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clearance.security.Roles;

/**
 * Who is signed in, as every page shows it: the name, the roles, the links it may follow and the token its forms
 * send back. The links mirror the roles of the pages themselves, so nobody is shown a page they would be refused.
 */
public record ConsoleUser(String name, Set<String> roles, String csrfToken) {

    /** A link of the navigation bar. */
    public record Link(String path, String label) {
    }

    public boolean may(String role) {
        return roles.contains(role);
    }

    public boolean screens() {
        return may(Roles.SCREENER);
    }

    public boolean readsScreenings() {
        return may(Roles.SCREENER) || may(Roles.OFFICER) || may(Roles.AUDITOR);
    }

    public boolean readsCases() {
        return may(Roles.OFFICER) || may(Roles.AUDITOR);
    }

    public boolean worksCases() {
        return may(Roles.OFFICER);
    }

    public boolean readsRules() {
        return may(Roles.RULE_AUTHOR) || may(Roles.OFFICER) || may(Roles.AUDITOR);
    }

    public boolean readsLists() {
        return may(Roles.LIST_MANAGER) || may(Roles.OFFICER) || may(Roles.AUDITOR);
    }

    public boolean importsLists() {
        return may(Roles.LIST_MANAGER);
    }

    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        links.add(new Link(ConsolePaths.HOME, "Dashboard"));
        if (screens()) {
            links.add(new Link(ConsolePaths.SCREEN, "Screen an order"));
        }
        if (readsScreenings()) {
            links.add(new Link(ConsolePaths.SCREENINGS, "Screenings"));
        }
        if (readsCases()) {
            links.add(new Link(ConsolePaths.CASES, "Cases"));
        }
        if (readsRules()) {
            links.add(new Link(ConsolePaths.RULES, "Rules"));
        }
        if (readsLists()) {
            links.add(new Link(ConsolePaths.LISTS, "Lists"));
        }
        return links;
    }
}
