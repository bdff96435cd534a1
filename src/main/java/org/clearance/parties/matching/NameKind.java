package org.clearance.parties.matching;

/** Which of the entry's names produced a match. */
public enum NameKind {
    PRIMARY, ALIAS, WEAK_ALIAS
}
