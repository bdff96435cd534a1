package org.clearance.licences;

/** A shipment Clearance will not record: already shipped, blocked, or more than a cited licence has left. Nothing changed. */
public class ShipmentRefusedException extends RuntimeException {

    public ShipmentRefusedException(String message) {
        super(message);
    }
}
