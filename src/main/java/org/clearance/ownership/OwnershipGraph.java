package org.clearance.ownership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The imported ownership file as screening reads it: each entity's owners, looked up by {@link EntityKey}. */
public final class OwnershipGraph {

    /** No ownership file imported. */
    public static final OwnershipGraph EMPTY = new OwnershipGraph(Map.of());

    private final Map<String, List<Stake>> ownersByEntity;

    private OwnershipGraph(Map<String, List<Stake>> ownersByEntity) {
        this.ownersByEntity = ownersByEntity;
    }

    /** The graph of {@code rows}, in file order. */
    public static OwnershipGraph of(List<OwnershipRow> rows) {
        Map<String, List<Stake>> owners = new HashMap<>();
        for (OwnershipRow row : rows) {
            owners.computeIfAbsent(EntityKey.of(row.entity()), k -> new java.util.ArrayList<>())
                    .add(new Stake(row.owner(), row.share(), row.source()));
        }
        owners.replaceAll((k, v) -> List.copyOf(v));
        return new OwnershipGraph(Map.copyOf(owners));
    }

    /** The owners the file gives for the entity named {@code name}; empty when it names none. */
    public List<Stake> ownersOf(String name) {
        return ownersByEntity.getOrDefault(EntityKey.of(name), List.of());
    }

    public boolean isEmpty() {
        return ownersByEntity.isEmpty();
    }
}
