package org.clearance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.clearance.screening.Decision;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The JUnit XML stays well-formed XML 1.0 whatever file names, order ids and messages hold. */
class JunitReportWriterTest {

    @Test
    void shouldWriteWellFormedXmlForHostileFileNamesOrderIdsAndMessages() throws Exception {
        StringWriter out = new StringWriter();
        new JunitReportWriter(HostileNames.sources(), Decision.REVIEW).write(HostileNames.report(), new PrintWriter(out));

        Document xml = parse(out.toString()); // a real XML parser: throws on anything that is not well-formed

        List<Element> suites = elements(xml.getElementsByTagName("testsuite"));
        // Line breaks survive as character references; characters XML 1.0 cannot hold become visible text.
        assertThat(suites).extracting(s -> s.getAttribute("file")).containsExactlyElementsOf(HostileNames.FILES.stream()
                .map(f -> f.replace("\u0007", "\\u0007").replace("\u001b", "\\u001B")).toList());
        List<Element> cases = elements(xml.getElementsByTagName("testcase"));
        assertThat(cases).hasSize(2 * HostileNames.FILES.size());
        assertThat(cases.get(0).getAttribute("classname")).isEqualTo("A,B:C\n%0A&<>\"\\u0001");
        Element failure = (Element) cases.get(0).getElementsByTagName("failure").item(0);
        assertThat(failure.getTextContent()).contains(HostileNames.MESSAGE.replace("\u0000", "\\u0000"));
        Element error = (Element) cases.get(1).getElementsByTagName("error").item(0);
        assertThat(error.getTextContent()).isEqualTo("orders/a,b.json:2:3: " + HostileNames.MESSAGE.replace("\u0000", "\\u0000"));
    }

    @Test
    void shouldWriteLoneSurrogatesAndNonCharactersAsVisibleText() {
        assertThat(JunitXml.xmlText("a\ud800b \ud83d\ude00 \ufffe")).isEqualTo("a\\uD800b \ud83d\ude00 \\uFFFE");
    }

    static Document parse(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
