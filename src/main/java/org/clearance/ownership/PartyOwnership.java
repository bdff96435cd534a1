package org.clearance.ownership;

import java.util.List;
import org.clearance.facts.OrderParty;

/** The owners known for one order party: declared in the order, then those the ownership file gives. */
public record PartyOwnership(OrderParty party, List<Holding> owners) {

    public PartyOwnership {
        owners = List.copyOf(owners);
    }
}
