package org.clearance.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.clearance.order.OrderFixtures.json;
import static org.clearance.order.OrderFixtures.minimal;
import static org.clearance.order.OrderFixtures.parse;
import static org.clearance.order.OrderFixtures.with;

import org.clearance.facts.Order;
import org.clearance.facts.PartyOwner;
import org.clearance.facts.RouteStop;
import org.junit.jupiter.api.Test;

/**
 * The order fields that decide which regimes apply: incorporated_in, nationality, owners and ship_from, with their
 * defaults.
 */
class NexusFieldsParserTest {

    @Test
    void shouldReadIncorporationAndNationalityOfParties() {
        Order order = parse(with(with(minimal(), "/seller", json("""
                {"name": "Gulf Bridge Logistics Ltd", "country": "AE", "incorporated_in": "GB"}""")),
                "/end_user", json("""
                {"name": "Anna Ivanova", "country": "RU", "type": "individual", "nationality": "LV"}"""))).order();

        assertThat(order.seller().incorporatedIn()).isEqualTo("GB");
        assertThat(order.seller().incorporationCountry()).isEqualTo("GB");
        assertThat(order.seller().personOf("GB")).isTrue();
        assertThat(order.seller().personOf("AE")).isFalse();
        assertThat(order.endUser().nationality()).isEqualTo("LV");
        assertThat(order.endUser().personOf("LV")).isTrue();
        assertThat(order.endUser().nationalityUnknown()).isFalse();
    }

    @Test
    void shouldReadTheOwnersOfAPartyWithTheirShareOrNoneWhenNotGiven() {
        Order order = parse(with(minimal(), "/seller/owners", json("""
                [{"name": "Rhein Holding AG", "country": "DE", "share_percent": 50.5},
                 {"name": "Setouchi Holdings KK", "country": "JP"}]"""))).order();

        assertThat(order.seller().owners()).extracting(PartyOwner::name, PartyOwner::country, PartyOwner::majority,
                PartyOwner::shareUnknown).containsExactly(tuple("Rhein Holding AG", "DE", true, false),
                tuple("Setouchi Holdings KK", "JP", false, true));
        assertThat(order.parties().get(0).ownerPointer(order.seller().owners().get(1))).isEqualTo("/seller/owners/1");
        assertThat(order.buyer().owners()).isEmpty();
    }

    @Test
    void shouldTakeACompanysAddressCountryAsItsIncorporationWhenAbsentButNeverAnIndividualsNationality() {
        Order order = parse(with(minimal(), "/end_user", json("""
                {"name": "Ivan Petrov", "country": "RU", "type": "individual"}"""))).order();

        assertThat(order.seller().incorporationCountry()).isEqualTo("DE");
        assertThat(order.endUser().incorporationCountry()).isNull();
        assertThat(order.endUser().personOf("RU")).isFalse();
        assertThat(order.endUser().nationalityUnknown()).isTrue();
    }

    @Test
    void shouldStartADerivedRouteAtShipFromInsteadOfTheSellersCountry() {
        Order order = parse(with(minimal(), "/ship_from", "NL")).order(); // no consignee or end user: the route is NL only

        assertThat(order.route()).extracting(RouteStop::country).containsExactly("NL");
        assertThat(order.origin()).isEqualTo("NL");
    }

    @Test
    void shouldRejectShipFromThatContradictsTheRoutesOrigin() {
        ParsedOrder parsed = parse(with(with(minimal(), "/route", json("[\"DE\", \"RU\"]")), "/ship_from", "JP"));

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).extracting(InputProblem::pointer, InputProblem::message).containsExactly(
                tuple("/ship_from", "ship_from 'JP' differs from the route's origin 'DE'; the route starts where the goods are shipped from"));
    }

    @Test
    void shouldRejectAnIncorporationOrNationalityThatIsNotAnIsoCountryCode() {
        ParsedOrder parsed = parse(with(with(minimal(), "/seller/incorporated_in", "UK"), "/buyer/nationality", "Turkish"));

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).extracting(InputProblem::pointer)
                .containsExactlyInAnyOrder("/seller/incorporated_in", "/buyer/nationality");
    }
}
