package org.clearance.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.clearance.order.OrderFixtures.json;
import static org.clearance.order.OrderFixtures.minimal;
import static org.clearance.order.OrderFixtures.parse;
import static org.clearance.order.OrderFixtures.with;

import org.clearance.facts.IdentifierType;
import org.clearance.facts.Order;
import org.clearance.facts.PartyIdentifier;
import org.junit.jupiter.api.Test;

/** A party's identifiers: typed, validated against their scheme and normalised, with problems naming the field. */
class IdentifiersParserTest {

    @Test
    void shouldNormaliseTypedIdentifiersWhateverTheirCaseAndSpacing() {
        Order order = parse(with(minimal(), "/buyer/identifiers", json("""
                [{"type": "IMO", "value": "IMO 918 7629"}, {"type": "swift_bic", "value": "ruag ru mm xxx"},
                 {"type": "inn", "value": "7704730655"}, {"type": "REGISTRATION", "value": "hrb-12345", "country": "DE"}]
                """))).order();

        assertThat(order.buyer().typedIdentifiers()).containsExactly(
                new PartyIdentifier(IdentifierType.IMO, "9187629", null),
                new PartyIdentifier(IdentifierType.SWIFT_BIC, "RUAGRUMMXXX", null),
                new PartyIdentifier(IdentifierType.INN, "7704730655", null),
                new PartyIdentifier(IdentifierType.REGISTRATION, "HRB12345", "DE"));
        assertThat(order.buyer().typedIdentifiers().get(1).matchKey()).isEqualTo("BIC:RUAGRUMM");
        assertThat(order.buyer().typedIdentifiers().get(2).issuer()).isEqualTo("RU");
    }

    @Test
    void shouldStillAcceptTheObjectFormAndMatchItsKeysThatNameAType() {
        Order order = parse(with(minimal(), "/seller/identifiers", json("""
                {"vat": "ATU 0000 0000", "duns": "12-345-6789"}"""))).order();

        assertThat(order.seller().identifiers()).containsEntry("duns", "12-345-6789");
        assertThat(order.seller().typedIdentifiers()).containsExactly(
                new PartyIdentifier(IdentifierType.VAT, "ATU00000000", null));
    }

    @Test
    void shouldNameTheFieldOfAnUnknownTypeAMalformedValueAndAWrongCheckDigit() {
        ParsedOrder parsed = OrderParser.parse(new OrderDocument("order.json", "", with(minimal(), "/buyer/identifiers", json("""
                [{"type": "PASSPORT", "value": "P123"}, {"type": "IMO", "value": "9187628"},
                 {"type": "LEI", "value": "5493001KJTIIGC8Y1R13"}, {"type": "INN", "value": "77047306"},
                 {"type": "IMO"}, {"type": "IMO", "value": "9187629", "issuer": "PA"}]"""))),
                null, OrderFixtures.TODAY);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).extracting(InputProblem::pointer, p -> p.message().replaceAll(";.*", "")).contains(
                tuple("/buyer/identifiers/0/type", "unknown identifier type 'PASSPORT'"),
                tuple("/buyer/identifiers/1/value", "'9187628' is not an IMO number: 7 digits, the last a check digit (e.g. 9187629)"),
                tuple("/buyer/identifiers/3/value", "'77047306' is not an INN: 10 digits (organisation) or 12 (individual)"),
                tuple("/buyer/identifiers/4/value", "is required"));
        assertThat(parsed.problems()).extracting(InputProblem::pointer).contains("/buyer/identifiers/2/value",
                "/buyer/identifiers/5/issuer");
    }

    @Test
    void shouldCheckTheCheckDigitsOfImoNumbersAndLeis() {
        assertThat(IdentifierType.IMO.valid("9187629")).isTrue();
        assertThat(IdentifierType.IMO.valid("9187620")).isFalse();
        assertThat(IdentifierType.LEI.valid("5493001KJTIIGC8Y1R12")).isTrue();
        assertThat(IdentifierType.LEI.valid("5493001KJTIIGC8Y1R13")).isFalse();
        assertThat(IdentifierType.ofListLabel("Vessel Registration Identification", "IMO 9187629")).contains(IdentifierType.IMO);
        assertThat(IdentifierType.ofListLabel("Tax ID No.", "7704730655")).contains(IdentifierType.TAX_ID);
        assertThat(IdentifierType.ofListLabel("Passport", "P0017003")).isEmpty();
    }
}
