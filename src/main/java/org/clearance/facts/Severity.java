package org.clearance.facts;

/** How serious a finding is, strongest first. */
public enum Severity {
    BLOCK, REVIEW, INFO
}
