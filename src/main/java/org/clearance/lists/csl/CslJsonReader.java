package org.clearance.lists.csl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clearance.lists.Address;
import org.clearance.lists.Countries;
import org.clearance.lists.FileHash;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListReader;
import org.clearance.lists.ListSnapshot;
import org.clearance.lists.Text;
import org.clearance.lists.TextFiles;

/**
 * Reads the trade.gov CSL API JSON ({@code {"results": [...]}}): lists are JSON arrays and addresses and ids
 * are objects, unlike the CSV. A broken record is reported as {@code results[i]}.
 */
public final class CslJsonReader implements ListReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ListFormat format() {
        return ListFormat.US_CSL_JSON;
    }

    @Override
    public ListSnapshot read(Path path) throws IOException {
        String file = path.getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(TextFiles.read(path));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ListFormatException.atLine(file, line, "invalid JSON: " + e.getOriginalMessage());
        }
        JsonNode results = root == null ? null : root.get("results");
        if (results == null || !results.isArray()) {
            throw new ListFormatException(file, "root", "no \"results\" array");
        }
        List<ListEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            String where = "results[" + i + "]";
            JsonNode result = results.get(i);
            String source = text(result, "source");
            String name = text(result, "name");
            String id = text(result, "id") != null ? text(result, "id")
                    : text(result, "_id") != null ? text(result, "_id") : text(result, "entity_number");
            if (source == null || name == null || id == null) {
                throw new ListFormatException(file, where, "record needs source, name and id");
            }
            if (!seen.add(source + id)) {
                throw new ListFormatException(file, where, "duplicate id " + id);
            }
            try {
                entries.add(map(result, source, id, name));
            } catch (IllegalArgumentException e) {
                throw new ListFormatException(file, where, e.getMessage(), e);
            }
        }
        return ListSnapshot.of(format(), FileHash.sha256(path), null, entries);
    }

    private static ListEntry map(JsonNode result, String source, String id, String name) {
        ListEntry.Builder builder = CslEntryMapper.start(source, id, name)
                .type(CslEntryMapper.type(text(result, "type")));
        texts(result, "alt_names").forEach(alias -> builder.alias(alias, false));
        for (JsonNode address : iterable(result.get("addresses"))) {
            String country = text(address, "country");
            builder.address(new Address(text(address, "address"), text(address, "city"), text(address, "state"),
                    text(address, "postal_code"), country == null ? null : Countries.toIso2(country).orElse(null)));
        }
        texts(result, "nationalities").forEach(c -> CslEntryMapper.countries(builder, c));
        texts(result, "citizenships").forEach(c -> CslEntryMapper.countries(builder, c));
        texts(result, "programs").forEach(builder::program);
        for (JsonNode ident : iterable(result.get("ids"))) {
            builder.identifier(CslEntryMapper.identifier(text(ident, "type"), text(ident, "number"),
                    text(ident, "country")));
        }
        builder.remark(text(result, "remarks"));
        for (String detail : List.of("entity_number", "federal_register_notice", "start_date", "end_date",
                "standard_order", "license_requirement", "license_policy", "source_list_url", "title")) {
            builder.detail(detail, text(result, detail));
        }
        return builder.build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : Text.blankToNull(value.asText());
    }

    /** Arrays of strings; a plain string (some API versions) counts as a one-element list. */
    private static List<String> texts(JsonNode node, String field) {
        JsonNode value = node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(v -> {
                if (Text.blankToNull(v.asText()) != null) {
                    out.add(v.asText().strip());
                }
            });
        } else if (Text.blankToNull(value.asText()) != null) {
            out.add(value.asText().strip());
        }
        return out;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : node;
    }
}
