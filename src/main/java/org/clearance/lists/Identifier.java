package org.clearance.lists;

/** A registration number, passport, tax id, IMO number… as the source types it; country is ISO2 or null. */
public record Identifier(String type, String number, String country) {

    public Identifier {
        type = Text.require(type, "identifier type");
        number = Text.require(number, "identifier number");
        country = Text.blankToNull(country);
    }
}
