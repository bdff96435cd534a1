package org.clearance.rules.layers;

import org.clearance.rules.RuleInfo;

/**
 * Where a rule of a composed pack comes from, as the catalogue shows it: its layer ("eu-legal 2.1.0", "overlay"), the
 * layer's publisher, and what the overlay changed in it.
 */
public record RuleLayer(String name, String publisher, String override) {

    /** {@code layers} null: a plain pack, whose rules have no layer. */
    public static RuleLayer of(Layers layers, RuleInfo rule) {
        if (layers == null) {
            return new RuleLayer(null, null, null);
        }
        Layers.Layer layer = layers.layerOf(rule.file());
        String override = layers.overrideOf(rule.id()).map(Layers.AppliedOverride::note).orElse(null);
        if (layer == null) {
            return new RuleLayer(null, null, override);
        }
        return new RuleLayer(layer.overlay() ? "overlay" : layer.name() + (layer.version() == null ? "" : " " + layer.version()),
                layer.publisher(), override);
    }
}
