package org.clearance.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.order.OrderFixtures.json;
import static org.clearance.order.OrderFixtures.minimal;
import static org.clearance.order.OrderFixtures.parse;
import static org.clearance.order.OrderFixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input the order format does not allow is refused with the pointer and the limit, never passed on. */
class BadInputTest {

    private static InputProblem onlyProblem(JsonNode order) {
        ParsedOrder parsed = parse(order);
        assertThat(parsed.valid()).as("valid").isFalse();
        assertThat(parsed.problems()).hasSize(1);
        return parsed.problems().get(0);
    }

    static Stream<Arguments> tooLongTexts() {
        return Stream.of(
                Arguments.of("/id", 128),
                Arguments.of("/buyer/name", 300),
                Arguments.of("/buyer/address", 500),
                Arguments.of("/buyer/region", 100),
                Arguments.of("/lines/0/description", 1000),
                Arguments.of("/lines/0/unit", 32));
    }

    @ParameterizedTest(name = "{0} at most {1}")
    @MethodSource("tooLongTexts")
    void shouldAcceptTextUpToItsLimitAndRefuseOneCharacterMore(String pointer, int limit) {
        assertThat(parse(with(minimal(), pointer, "x".repeat(limit))).problems()).isEmpty();

        InputProblem problem = onlyProblem(with(minimal(), pointer, "x".repeat(limit + 1)));

        assertThat(problem.pointer()).isEqualTo(pointer);
        assertThat(problem.message()).isEqualTo("is too long: " + (limit + 1) + " characters; at most " + limit + " are allowed");
    }

    @Test
    void shouldCountCharactersNotUtf16UnitsAndCountCompatibilityCharactersAsWhatTheyExpandTo() {
        assertThat(parse(with(minimal(), "/id", "😀".repeat(128))).problems()).isEmpty();
        // U+FDFA expands to 18 characters under NFKC, the form party names are keyed and matched in.
        assertThat(onlyProblem(with(minimal(), "/buyer/name", "\uFDFA".repeat(20))).message()).startsWith("is too long: 360 characters");
    }

    @Test
    void shouldRefuseNulAndOtherControlCharactersInAnyText() {
        for (String text : new String[] {"A\u0000B", "Tab\there", "Line\nbreak", "Esc\u001B[31m", "Del\u007F", "C1\u0085"}) {
            InputProblem problem = onlyProblem(with(minimal(), "/buyer/name", text));
            assertThat(problem.pointer()).isEqualTo("/buyer/name");
            assertThat(problem.message()).startsWith("contains the control character U+");
        }
    }

    @Test
    void shouldRefuseAnUnpairedSurrogate() {
        ParsedOrder parsed = parse(json("{\"id\": \"A\\ud800B\", \"seller\": {\"name\": \"S\", \"country\": \"DE\"},"
                + " \"buyer\": {\"name\": \"B\", \"country\": \"TR\"}, \"lines\": [{\"hs_code\": \"854231\"}]}"));

        assertThat(parsed.problems()).extracting(InputProblem::pointer, InputProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/id",
                        "contains an unpaired UTF-16 surrogate (\\uD800) at character 1; it is not a Unicode character"));
    }

    static Stream<Arguments> nullElements() {
        return Stream.of(
                Arguments.of("/payment", "{\"other_payers\": [null]}", "/payment/other_payers/0"),
                Arguments.of("/lines", "[null]", "/lines/0"),
                Arguments.of("/consignees", "[null]", "/consignees/0"),
                Arguments.of("/route", "[\"DE\", null]", "/route/1"),
                Arguments.of("/change_log", "[null]", "/change_log/0"));
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("nullElements")
    void shouldRefuseANullArrayElementAtItsPointer(String place, String value, String pointer) {
        InputProblem problem = onlyProblem(with(minimal(), place, json(value)));

        assertThat(problem.pointer()).isEqualTo(pointer);
        assertThat(problem.message()).contains("null");
    }

    @Test
    void shouldRefuseAmountsOutsideTheDocumentedRange() {
        assertThat(parse(with(minimal(), "/lines/0/quantity", json("999999999999999.999999"))).problems()).isEmpty();
        assertThat(onlyProblem(with(minimal(), "/lines/0/quantity", json("1e16"))).message())
                .isEqualTo("is too large (got 10000000000000000); it must be below 1000000000000000");
        assertThat(onlyProblem(with(minimal(), "/lines/0/value", json("1.0000001"))).message())
                .isEqualTo("has more than 6 decimal places (got 1.0000001)");
        assertThat(parse(with(minimal(), "/lines/0/value", json("1.500000000"))).problems()).as("trailing zeros").isEmpty();
    }

    @Test
    void shouldShowAHugeExponentWithoutWritingItOut() {
        InputProblem problem = onlyProblem(with(minimal(), "/lines/0/quantity", json("-1e999999999")));

        assertThat(problem.message()).isEqualTo("must not be negative (got -1E+999999999)");
        assertThat(onlyProblem(with(minimal(), "/lines/0/value", json("1e-999999999"))).message())
                .startsWith("has more than 6 decimal places (got 1E-999999999");
    }

    @Test
    void shouldRefuseTooManyElements() {
        var lines = OrderFixtures.JSON.createArrayNode();
        for (int i = 0; i < 1001; i++) {
            lines.add(json("{\"hs_code\": \"854231\"}"));
        }
        InputProblem problem = onlyProblem(with(minimal(), "/lines", lines));

        assertThat(problem.pointer()).isEqualTo("/lines");
        assertThat(problem.message()).isEqualTo("has 1001 elements; at most 1000 are allowed");
    }

    @Test
    void shouldEchoLongOrControlLadenValuesCutAndEscaped() {
        InputProblem problem = onlyProblem(with(minimal(), "/buyer/country", "X\u00A0".repeat(40)));

        assertThat(problem.message()).startsWith("unknown country code 'X").contains("…(80 characters)").hasSizeLessThan(200);
        InputProblem field = onlyProblem(with(minimal(), "/buyer", json("{\"name\": \"B\", \"country\": \"TR\", \"a\\u001Bb\": 1}")));
        assertThat(field.pointer()).isEqualTo("/buyer");
        assertThat(field.message()).startsWith("unknown field 'a\\u001Bb'");
    }

    @Test
    void shouldRefuseDuplicateKeysNamingTheField() {
        OrderInput.Split split = OrderInput.split("api", """
                {"id": "A", "buyer": {"name": "OOO Volga", "country": "RU"},
                 "buyer": {"name": "Acme Inc", "country": "US"}, "seller": {"name": "S", "country": "DE"}, "lines": [{}]}""");

        assertThat(split.documents()).isEmpty();
        assertThat(split.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/buyer");
            assertThat(p.message()).startsWith("malformed JSON at line 2, column").contains("duplicate field 'buyer'");
        });
    }

    @Test
    void shouldRefuseInvalidUtf8NamingTheByteOffset() {
        byte[] bytes = "{\"id\": \"Ab\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        bytes[11] = (byte) 'x'; // é's lead byte at offset 10 now lacks its continuation byte

        OrderInput.Split split = StrictUtf8.split("api", bytes);

        assertThat(split.documents()).isEmpty();
        assertThat(split.problems()).extracting(InputProblem::message)
                .containsExactly("invalid UTF-8 at byte offset 10; send the text encoded as UTF-8");
    }

    @Test
    void shouldAcceptUtf8WithAByteOrderMark() throws Exception {
        byte[] body = ("\uFEFF" + minimal()).getBytes(StandardCharsets.UTF_8);

        assertThat(StrictUtf8.decode(body)).startsWith("{");
        assertThat(StrictUtf8.split("api", body).problems()).isEmpty();
    }

    @Test
    void shouldRefuseDeepNestingWithoutNamingTheLibrary() {
        String deep = "[".repeat(200) + "]".repeat(200);

        assertThat(OrderInput.split("api", deep).problems()).singleElement().extracting(InputProblem::message)
                .asString().contains("nested more than 64 levels deep").doesNotContain("StreamReadConstraints");
        assertThat(OrderInput.split("api", "{\"q\": " + "9".repeat(500) + "}").problems()).singleElement()
                .extracting(InputProblem::message).asString().contains("a number has more than 100 characters");
    }
}
