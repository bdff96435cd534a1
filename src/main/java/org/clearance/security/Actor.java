package org.clearance.security;

import java.util.Set;

/**
 * Who performed an action: an authenticated principal with its roles, the local operator of the CLI
 * ({@code cli:<os user>}), or Clearance itself ({@code system:<what>}, e.g. a scheduled download).
 * Every state-changing service method takes one, so that records name who did it from the identity,
 * never from a request body.
 */
public record Actor(String name, Set<String> roles) {

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor needs a name");
        }
        roles = Set.copyOf(roles);
    }

    /** The operator at the command line: local access to the database is already full access. */
    public static Actor cliOperator() {
        return new Actor("cli:" + System.getProperty("user.name", "unknown"), Roles.ALL);
    }

    /** Clearance acting on its own (a file watcher, a schedule). */
    public static Actor system(String what) {
        return new Actor("system:" + what, Set.of());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
