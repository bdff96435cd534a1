package org.clearance.lists.eu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.clearance.lists.FileHash;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListReader;
import org.clearance.lists.ListSnapshot;

/**
 * Streams the EU Financial Sanctions File (XML 1.1) with StAX, one {@code sanctionEntity} at a time, so the
 * ~25 MB file never sits in memory as a tree. DTDs and external entities are disabled. The file's
 * {@code generationDate} becomes the publication date. Errors name the line of the broken element.
 */
public final class FsfXmlReader implements ListReader {

    private static final XMLInputFactory FACTORY = secureFactory();

    @Override
    public ListFormat format() {
        return ListFormat.EU_FSF_XML;
    }

    @Override
    public ListSnapshot read(Path path) throws IOException {
        String file = path.getFileName().toString();
        List<ListEntry> entries = new ArrayList<>();
        LocalDate generated = null;
        Set<String> ids = new HashSet<>();
        try (InputStream in = Files.newInputStream(path)) {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
            FsfEntityMapper current = null;
            boolean sawExport = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = xml.getLocalName();
                    int line = xml.getLocation().getLineNumber();
                    if (!sawExport) {
                        if (!element.equals("export")) {
                            throw ListFormatException.atLine(file, line, "root element is <" + element + ">, not <export>");
                        }
                        sawExport = true;
                        generated = FsfEntityMapper.date(xml.getAttributeValue(null, "generationDate"));
                    } else if (element.equals("sanctionEntity")) {
                        current = FsfEntityMapper.start(xml, file, line);
                        if (!ids.add(current.logicalId())) {
                            throw ListFormatException.atLine(file, line, "duplicate logicalId " + current.logicalId());
                        }
                    } else if (current != null) {
                        current.child(element, xml, file, line);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sanctionEntity")) {
                    entries.add(current.build(file, xml.getLocation().getLineNumber()));
                    current = null;
                }
            }
            if (!sawExport) {
                throw ListFormatException.atLine(file, 1, "no <export> root element");
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw ListFormatException.atLine(file, line, "malformed XML: " + e.getMessage());
        }
        return ListSnapshot.of(format(), FileHash.sha256(path), generated, entries);
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }
}
