package org.clearance.facts;

/** What a finding concerns: a line, a party, a route stop or the whole order. */
public interface Subject extends OrderScoped {

    /** JSON pointer into the order as received, e.g. {@code /lines/0} or {@code /end_user}. */
    String pointer();

    /** A short human label, e.g. {@code line 1: STM32 microcontrollers (HS 854231)}. */
    String label();
}
