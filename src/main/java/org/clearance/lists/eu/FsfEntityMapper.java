package org.clearance.lists.eu;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.clearance.lists.Address;
import org.clearance.lists.Countries;
import org.clearance.lists.EntityType;
import org.clearance.lists.Identifier;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.Text;

/**
 * Maps one {@code sanctionEntity} and its children to a {@link ListEntry}: the first strong name alias is the
 * primary name, the others aliases ({@code strong="false"} ones weak); {@code logicalId} is the source id and
 * {@code euReferenceNumber} a detail.
 */
final class FsfEntityMapper {

    static final String SOURCE = "EU-FSF";

    private final ListEntry.Builder builder;
    private final String logicalId;
    private String firstWeakName;

    private FsfEntityMapper(String logicalId, ListEntry.Builder builder) {
        this.logicalId = logicalId;
        this.builder = builder;
    }

    static FsfEntityMapper start(XMLStreamReader xml, String file, int line) {
        String logicalId = attr(xml, "logicalId");
        if (logicalId == null) {
            throw ListFormatException.atLine(file, line, "<sanctionEntity> without logicalId");
        }
        ListEntry.Builder builder = ListEntry.builder(SOURCE, logicalId)
                .detail("euReferenceNumber", attr(xml, "euReferenceNumber"))
                .detail("unitedNationId", attr(xml, "unitedNationId"))
                .detail("designationDate", attr(xml, "designationDate"))
                .detail("designationDetails", attr(xml, "designationDetails"));
        return new FsfEntityMapper(logicalId, builder);
    }

    String logicalId() {
        return logicalId;
    }

    void child(String element, XMLStreamReader xml, String file, int line) throws XMLStreamException {
        switch (element) {
            case "nameAlias" -> nameAlias(xml);
            case "subjectType" -> builder.type(switch (String.valueOf(attr(xml, "code"))) {
                case "person" -> EntityType.PERSON;
                case "enterprise" -> EntityType.ENTITY;
                default -> EntityType.UNKNOWN;
            });
            case "regulation" -> {
                builder.program(attr(xml, "programme"));
                builder.detail("regulation", attr(xml, "numberTitle"));
            }
            case "address" -> builder.address(new Address(
                    joinWith(", ", attr(xml, "street"), attr(xml, "poBox"), attr(xml, "place")), attr(xml, "city"),
                    attr(xml, "region"), attr(xml, "zipCode"), iso2(attr(xml, "countryIso2Code"))));
            case "identification" -> {
                String number = attr(xml, "number") != null ? attr(xml, "number") : attr(xml, "latinNumber");
                String type = attr(xml, "identificationTypeDescription") != null
                        ? attr(xml, "identificationTypeDescription") : attr(xml, "identificationTypeCode");
                if (number != null) {
                    builder.identifier(new Identifier(type == null ? "id" : type, number,
                            iso2(attr(xml, "countryIso2Code"))));
                }
            }
            case "citizenship" -> {
                String iso2 = iso2(attr(xml, "countryIso2Code"));
                if (iso2 != null) {
                    builder.country(iso2);
                }
            }
            case "remark" -> builder.remark(xml.getElementText());
            default -> {
                // birthdate, contactInfo, publicationUrl …: not needed for screening by name.
            }
        }
    }

    ListEntry build(String file, int line) {
        if (builder.primaryName() == null) {
            if (firstWeakName == null) {
                throw ListFormatException.atLine(file, line, "sanctionEntity logicalId " + logicalId + " has no name");
            }
            builder.primaryName(firstWeakName);
        } else if (firstWeakName != null) {
            builder.alias(firstWeakName, true);
        }
        return builder.build();
    }

    private void nameAlias(XMLStreamReader xml) {
        String name = attr(xml, "wholeName");
        if (name == null) {
            name = joinWith(" ", attr(xml, "firstName"), attr(xml, "middleName"), attr(xml, "lastName"));
        }
        if (name == null) {
            return;
        }
        boolean weak = "false".equalsIgnoreCase(attr(xml, "strong"));
        if (builder.primaryName() == null && !weak) {
            builder.primaryName(name);
        } else if (builder.primaryName() == null && firstWeakName == null) {
            firstWeakName = name;
        } else {
            builder.alias(name, weak);
        }
    }

    static LocalDate date(String isoDateTime) {
        if (isoDateTime == null || isoDateTime.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(isoDateTime.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The FSF writes "00" for an unknown country. */
    private static String iso2(String code) {
        return code == null ? null : Countries.toIso2(code).orElse(null);
    }

    private static String attr(XMLStreamReader xml, String name) {
        return Text.blankToNull(xml.getAttributeValue(null, name));
    }

    private static String joinWith(String separator, String... parts) {
        String joined = String.join(separator, java.util.Arrays.stream(parts).filter(p -> p != null).toList());
        return Text.blankToNull(joined);
    }
}
