package org.clearance.facts;

/**
 * A party in its role in one order. {@code finalRecipient} is true for the end user and for the
 * last consignee in shipping order: the parties that receive the goods last.
 */
public record OrderParty(String orderId, PartyRole role, int index, Party party, boolean finalRecipient)
        implements CountryLink {

    @Override
    public Link link() {
        return Link.valueOf(role.name());
    }

    @Override
    public String country() {
        return party.country();
    }

    @Override
    public String region() {
        return party.region();
    }

    public PartyType type() {
        return party.type();
    }

    public AddressType addressType() {
        return party.addressType();
    }

    public String name() {
        return party.name();
    }

    @Override
    public String pointer() {
        if (role == PartyRole.PAYER && index > 0) {
            return "/payment/other_payers/" + (index - 1); // the payer is index 0, the other payers follow
        }
        return role == PartyRole.CONSIGNEE ? role.pointer() + "/" + index : role.pointer();
    }

    /** The JSON pointer of one of the party's owners, e.g. {@code /seller/owners/0}. */
    public String ownerPointer(PartyOwner owner) {
        return pointer() + "/owners/" + party.owners().indexOf(owner);
    }

    @Override
    public String label() {
        String name = party.name() == null ? "(unnamed)" : party.name();
        return role.label() + " " + name + " (" + party.country() + ")";
    }
}
