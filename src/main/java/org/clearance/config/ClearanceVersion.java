package org.clearance.config;

/** This Clearance's release version: what {@code --version} prints and what a rule pack's minimum version is checked against. */
public final class ClearanceVersion {

    /** Keep in step with the pom's version (without -SNAPSHOT). */
    public static final String CURRENT = "0.1.0";

    private ClearanceVersion() {
    }
}
