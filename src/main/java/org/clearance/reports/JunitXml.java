package org.clearance.reports;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A JUnit XML document in the form CI servers read (Ant/Surefire: {@code testsuites > testsuite >
 * testcase} with {@code failure} or {@code error}): cases are grouped into suites in the order they
 * are added, and the counts are computed when written. Shared by {@code screen} and {@code rules test}.
 * File names, order ids and messages come from the input: the writer escapes markup, and characters XML 1.0
 * cannot hold at all are written as the text <code>&#92;uXXXX</code> ({@link #xmlText}).
 */
public final class JunitXml {

    /** Why a case did not pass; {@code null} for a passing case. */
    public enum Outcome {
        FAILURE, ERROR, SKIPPED
    }

    /** One test case: its class name and name (unique together), the outcome, a one-line message and details. */
    public record TestCase(String classname, String name, Outcome outcome, String type, String message, String details) {
    }

    private final String name;
    private final Map<String, List<TestCase>> suites = new LinkedHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();

    public JunitXml(String name) {
        this.name = name;
    }

    /** Adds a case to {@code suite}; {@code file} (may be null) is the file the suite is about. */
    public void add(String suite, String file, TestCase testCase) {
        suites.computeIfAbsent(suite, s -> new ArrayList<>()).add(testCase);
        if (file != null) {
            files.putIfAbsent(suite, file);
        }
    }

    public void write(PrintWriter out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            attribute(xml, "name", name);
            xml.writeAttribute("time", "0");
            List<TestCase> all = suites.values().stream().flatMap(List::stream).toList();
            writeCounts(xml, all);
            xml.writeCharacters("\n");
            int id = 0;
            for (Map.Entry<String, List<TestCase>> suite : suites.entrySet()) {
                writeSuite(xml, id++, suite.getKey(), files.get(suite.getKey()), suite.getValue());
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        out.flush();
    }

    private static void writeSuite(XMLStreamWriter xml, int id, String suite, String file, List<TestCase> cases)
            throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("id", Integer.toString(id));
        attribute(xml, "name", suite);
        if (file != null) {
            attribute(xml, "file", file);
        }
        writeCounts(xml, cases);
        xml.writeAttribute("skipped", Long.toString(cases.stream().filter(c -> c.outcome() == Outcome.SKIPPED).count()));
        xml.writeAttribute("time", "0");
        xml.writeCharacters("\n");
        for (TestCase testCase : cases) {
            xml.writeCharacters("    ");
            xml.writeStartElement("testcase");
            attribute(xml, "classname", testCase.classname());
            attribute(xml, "name", testCase.name());
            xml.writeAttribute("time", "0");
            if (testCase.outcome() == Outcome.SKIPPED) {
                xml.writeStartElement("skipped");
                attribute(xml, "message", testCase.message());
                xml.writeEndElement();
            } else if (testCase.outcome() != null) {
                xml.writeStartElement(testCase.outcome() == Outcome.FAILURE ? "failure" : "error");
                attribute(xml, "message", testCase.message());
                attribute(xml, "type", testCase.type());
                xml.writeCharacters(xmlText(testCase.details()));
                xml.writeEndElement();
            } else if (testCase.details() != null) {
                xml.writeStartElement("system-out");
                xml.writeCharacters(xmlText(testCase.details()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, xmlText(value));
    }

    /**
     * {@code text} with every character that XML 1.0 does not allow, not even as a character reference (control
     * characters other than tab, line feed and carriage return; U+FFFE, U+FFFF; a lone surrogate), replaced by the
     * text <code>&#92;uXXXX</code>: a file name or message holding one would otherwise make the whole report unreadable
     * (XML 1.0, section 2.2 "Characters"). The writer escapes {@code & < > "} itself.
     */
    static String xmlText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i); // a lone surrogate comes back as itself, and is not allowed
            if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04X", c));
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static void writeCounts(XMLStreamWriter xml, List<TestCase> cases) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(cases.size()));
        xml.writeAttribute("failures", Long.toString(cases.stream().filter(c -> c.outcome() == Outcome.FAILURE).count()));
        xml.writeAttribute("errors", Long.toString(cases.stream().filter(c -> c.outcome() == Outcome.ERROR).count()));
    }
}
