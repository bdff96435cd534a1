package org.clearance.lists;

/** What kind of thing a list entry designates; sources that do not say give {@link #UNKNOWN}. */
public enum EntityType {
    PERSON, ENTITY, VESSEL, AIRCRAFT, UNKNOWN
}
