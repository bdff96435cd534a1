package org.clearance.lists;

/**
 * Another name of a listed party. {@code weak} marks names the publisher flags as low quality
 * (OFAC remark a.k.a.s, EU {@code strong="false"}, UK "Low quality"); they may support a review but
 * should not block on their own.
 */
public record Alias(String name, boolean weak) {

    public Alias {
        name = Text.require(name, "alias name");
    }

    public static Alias strong(String name) {
        return new Alias(name, false);
    }

    public static Alias weak(String name) {
        return new Alias(name, true);
    }
}
