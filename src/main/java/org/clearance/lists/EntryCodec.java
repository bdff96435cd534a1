package org.clearance.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stores a {@link ListEntry} as JSON and computes its content hash. Uses its own mapper (not the HTTP one with
 * snake_case) so stored entries do not change when the API's JSON settings do; sets and maps are sorted so the
 * hash does not depend on iteration order.
 */
public final class EntryCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .build();

    private EntryCodec() {
    }

    public static String toJson(ListEntry entry) {
        try {
            return MAPPER.writeValueAsString(new Stored(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("list entry cannot be written as JSON", e);
        }
    }

    public static ListEntry fromJson(String json) {
        try {
            return MAPPER.readValue(json, Stored.class).toEntry();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list entry is not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** SHA-256 over the canonical JSON: any change to names, addresses, identifiers, programs… changes it. */
    public static String contentHash(ListEntry entry) {
        return FileHash.sha256(toJson(entry).getBytes(StandardCharsets.UTF_8));
    }

    /** The stored shape: like the entry, with countries sorted and details ordered. */
    record Stored(String source, String sourceId, EntityType type, String primaryName, List<Alias> aliases,
                  List<Address> addresses, List<String> countries, List<Identifier> identifiers,
                  List<String> programs, String remarks, TreeMap<String, String> details) {

        Stored(ListEntry e) {
            this(e.source(), e.sourceId(), e.type(), e.primaryName(), e.aliases(),
                    e.addresses().stream().map(a -> new Address(a.street(), a.city(), a.region(), a.postalCode(), a.country())).toList(),
                    new ArrayList<>(new TreeSet<>(e.countries())), e.identifiers(), e.programs(), e.remarks(),
                    new TreeMap<>(e.details()));
        }

        ListEntry toEntry() {
            return new ListEntry(source, sourceId, type, primaryName, aliases, addresses,
                    countries == null ? null : new java.util.LinkedHashSet<>(countries), identifiers, programs, remarks,
                    details);
        }
    }
}
