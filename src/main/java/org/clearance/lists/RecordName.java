package org.clearance.lists;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One name of a stored entry; {@code weak} marks low-quality aliases as the publisher flags them. */
@Embeddable
public class RecordName {

    @Column(nullable = false, length = 2000)
    public String name;

    @Column(nullable = false)
    public boolean weak;

    static RecordName of(String name, boolean weak) {
        RecordName stored = new RecordName();
        stored.name = name;
        stored.weak = weak;
        return stored;
    }
}
