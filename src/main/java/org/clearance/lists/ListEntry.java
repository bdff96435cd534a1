package org.clearance.lists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One designated party from one list, in the common model every source maps into. {@code source} and
 * {@code sourceId} identify it in the publisher's own terms (e.g. {@code US-OFAC-SDN} / {@code 11195}),
 * so a hit can always be traced back to the official record. {@code countries} are ISO 3166-1 alpha-2;
 * {@code details} holds source-specific facts worth showing a reviewer (licence policy, FR citation, dates).
 */
public record ListEntry(String source, String sourceId, EntityType type, String primaryName, List<Alias> aliases,
                        List<Address> addresses, Set<String> countries, List<Identifier> identifiers,
                        List<String> programs, String remarks, Map<String, String> details) {

    public ListEntry {
        source = Text.require(source, "source");
        sourceId = Text.require(sourceId, "sourceId");
        type = type == null ? EntityType.UNKNOWN : type;
        primaryName = Text.require(primaryName, "primary name");
        aliases = aliases == null ? List.of() : List.copyOf(new LinkedHashSet<>(aliases));
        addresses = addresses == null ? List.of() : List.copyOf(new LinkedHashSet<>(addresses));
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        identifiers = identifiers == null ? List.of() : List.copyOf(new LinkedHashSet<>(identifiers));
        programs = programs == null ? List.of() : List.copyOf(new LinkedHashSet<>(programs));
        remarks = Text.blankToNull(remarks);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Primary name first, then every alias (weak ones included) — what a matcher indexes. */
    public List<String> allNames() {
        List<String> names = new ArrayList<>();
        names.add(primaryName);
        aliases.forEach(alias -> names.add(alias.name()));
        return names;
    }

    /** Entry countries plus address countries, deduplicated. */
    public Set<String> allCountries() {
        Set<String> all = new LinkedHashSet<>(countries);
        addresses.stream().map(Address::country).filter(c -> c != null).forEach(all::add);
        return all;
    }

    public String key() {
        return source + ":" + sourceId;
    }

    /** Builder for readers, which collect a record's parts from several rows or lines. */
    public static Builder builder(String source, String sourceId) {
        return new Builder(source, sourceId);
    }

    /** Mutable collector for one entry; {@link #build()} validates through the record constructor. */
    public static final class Builder {
        private final String source;
        private final String sourceId;
        private EntityType type = EntityType.UNKNOWN;
        private String primaryName;
        private final List<Alias> aliases = new ArrayList<>();
        private final List<Address> addresses = new ArrayList<>();
        private final Set<String> countries = new LinkedHashSet<>();
        private final List<Identifier> identifiers = new ArrayList<>();
        private final List<String> programs = new ArrayList<>();
        private final List<String> remarks = new ArrayList<>();
        private final Map<String, String> details = new java.util.LinkedHashMap<>();

        private Builder(String source, String sourceId) {
            this.source = source;
            this.sourceId = sourceId;
        }

        public Builder type(EntityType value) { type = value; return this; }
        public Builder primaryName(String value) { primaryName = Text.blankToNull(value); return this; }
        public String primaryName() { return primaryName; }
        public Builder alias(Alias value) { if (value != null) aliases.add(value); return this; }
        public Builder alias(String name, boolean weak) {
            if (Text.blankToNull(name) != null && !name.strip().equalsIgnoreCase(primaryName)) {
                aliases.add(new Alias(name.strip(), weak));
            }
            return this;
        }
        public Builder address(Address value) {
            if (value != null && !value.isEmpty()) addresses.add(value);
            return this;
        }
        public Builder country(String iso2) { if (Text.blankToNull(iso2) != null) countries.add(iso2.strip()); return this; }
        public Builder identifier(Identifier value) { if (value != null) identifiers.add(value); return this; }
        public Builder program(String value) { if (Text.blankToNull(value) != null) programs.add(value.strip()); return this; }
        public Builder remark(String value) { if (Text.blankToNull(value) != null) remarks.add(value.strip()); return this; }
        public Builder detail(String key, String value) {
            if (Text.blankToNull(value) != null) details.put(key, value.strip());
            return this;
        }

        public ListEntry build() {
            return new ListEntry(source, sourceId, type, primaryName, aliases, addresses, countries, identifiers,
                    programs, remarks.isEmpty() ? null : String.join("; ", remarks), details);
        }

        public Stream<String> names() {
            return Stream.concat(Stream.ofNullable(primaryName), aliases.stream().map(Alias::name));
        }
    }
}
