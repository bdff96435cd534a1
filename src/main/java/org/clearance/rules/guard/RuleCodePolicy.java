package org.clearance.rules.guard;

import java.util.Map;
import java.util.Set;

/**
 * The allow-list of what rule code may reference: the types of {@code org.clearance.facts}, a few
 * {@code java.lang} types, the {@code java.util} collections, {@code java.time}, {@code java.math}, and the
 * Drools types that Drools' own generated code (or a consequence's {@code drools.insert(…)}) needs. Everything
 * else is refused: a rule pack is code, and rules only ever need to read facts and insert findings.
 * Both the source screen and the bytecode screen ask this one class, so they cannot disagree.
 */
public final class RuleCodePolicy {

    /** Packages whose public types rules may use (exactly these packages, not their sub-packages). */
    static final Set<String> PACKAGES = Set.of(
            "org.clearance.facts",
            "java.util", "java.util.function", "java.util.stream",
            "java.time", "java.time.format", "java.time.temporal", "java.time.chrono",
            "java.math");

    /**
     * Types of the allowed packages that are refused all the same: they start threads (Timer), load classes
     * or resources (ServiceLoader, ResourceBundle), or read and write files (Scanner, Formatter, Properties);
     * EnumSet and EnumMap take a Class, which MVEL (conditions) would make from a string with Class.forName.
     */
    static final Set<String> REFUSED_TYPES = Set.of(
            "java.util.Timer", "java.util.TimerTask", "java.util.ServiceLoader", "java.util.ResourceBundle",
            "java.util.ListResourceBundle", "java.util.PropertyResourceBundle", "java.util.Scanner",
            "java.util.Formatter", "java.util.Properties", "java.util.PropertyPermission",
            "java.util.EnumSet", "java.util.EnumMap");

    /**
     * Members of allowed types that take a Class: MVEL, which interprets conditions, converts a string
     * argument to a Class with Class.forName, which loads and initialises any class on the class path.
     */
    static final Map<String, Set<String>> REFUSED_TYPE_MEMBERS = Map.of(
            "java.lang.Enum", Set.of("valueOf"),
            "java.util.Collections", Set.of("checkedCollection", "checkedList", "checkedMap", "checkedNavigableMap",
                    "checkedNavigableSet", "checkedQueue", "checkedSet", "checkedSortedMap", "checkedSortedSet"));

    /**
     * The {@code java.lang} types rules may use. Object, Enum, Record, Number, CharSequence, Comparable and
     * Iterable are the supertypes every fact and collection has; StringBuilder is what {@code +} on strings
     * compiles to; Boolean/Integer/… box primitives (generated code calls {@code Integer.valueOf}); Math for
     * arithmetic; the exception types so that a rule can throw a clear error; Throwable and Void appear in
     * generated method signatures. Not here: System, Runtime, Process*, Thread*, Class*, ClassLoader,
     * Module*, StackWalker, SecurityManager, reflect, invoke (except the two bootstraps below).
     */
    static final Set<String> JAVA_LANG = Set.of(
            "Object", "String", "StringBuilder", "CharSequence", "Comparable", "Iterable", "Enum", "Record", "Void",
            "Boolean", "Byte", "Short", "Integer", "Long", "Float", "Double", "Character", "Number",
            "Math", "StrictMath",
            "Throwable", "Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException",
            "NullPointerException", "ArithmeticException", "NumberFormatException", "UnsupportedOperationException",
            "IndexOutOfBoundsException", "ClassCastException");

    /**
     * Drools types that generated code (consequence, eval and accumulate invokers) references, with the
     * members it calls. An empty set allows the type in signatures only. A rule's consequence may use
     * {@code drools.insert/insertLogical/delete/update/getRule()} and read the rule's metadata; it may not reach
     * the session, the KieBase or the engine through {@code drools.getKieRuntime()} and the like.
     */
    static final Map<String, Set<String>> DROOLS = Map.ofEntries(
            Map.entry("org.drools.core.rule.consequence.KnowledgeHelper",
                    Set.of("insert", "insertLogical", "delete", "retract", "update", "getRule")),
            Map.entry("org.kie.api.definition.rule.Rule",
                    Set.of("getName", "getPackageName", "getMetaData", "getId", "getNamespace")),
            Map.entry("org.kie.api.runtime.rule.FactHandle", Set.of("getObject")),
            Map.entry("org.drools.base.rule.Declaration", Set.of("getValue", "getBooleanValue", "getIntValue",
                    "getLongValue", "getDoubleValue", "getFloatValue", "getShortValue", "getByteValue", "getCharValue")),
            Map.entry("org.drools.core.reteoo.Tuple", Set.of("get")),
            Map.entry("org.drools.base.reteoo.BaseTuple", Set.of("get")),
            Map.entry("org.drools.base.base.ValueResolver", Set.of()),
            Map.entry("org.drools.base.rule.consequence.Consequence", Set.of("evaluate", "getName")),
            Map.entry("org.drools.base.rule.consequence.ConsequenceContext", Set.of("getTuple", "getRequiredDeclarations")),
            Map.entry("org.drools.mvel.asm.ConsequenceStub", Set.of()),
            Map.entry("org.drools.mvel.asm.ConsequenceGenerator", Set.of("generate")),
            Map.entry("org.drools.mvel.asm.EvalStub", Set.of()),
            Map.entry("org.drools.mvel.asm.EvalGenerator", Set.of("generate")),
            Map.entry("org.drools.base.rule.accessor.CompiledInvoker", Set.of("getMethodBytecode")),
            Map.entry("org.drools.base.rule.accessor.ReturnValueExpression", Set.of()),
            Map.entry("org.drools.base.rule.accessor.EvalExpression", Set.of("evaluate")),
            Map.entry("org.drools.base.rule.accessor.FieldValue", Set.of()),
            Map.entry("org.drools.mvel.field.FieldFactory", Set.of("getInstance", "getFieldValue")),
            Map.entry("org.drools.mvel.asm.MethodComparator", Set.of("compareBytecode", "getMethodBytecode")));

    /**
     * Types that may appear only in the signatures of generated classes, never as the owner of a call or field:
     * Drools makes every {@code function} class {@link java.io.Externalizable}, with empty readExternal and
     * writeExternal methods that declare these types. Rule code cannot obtain an instance of any of them.
     */
    static final Set<String> SIGNATURE_ONLY = Set.of("java.io.Externalizable", "java.io.ObjectInput",
            "java.io.ObjectOutput", "java.io.IOException", "java.lang.ClassNotFoundException");

    /**
     * Members refused on every type: the ways from any object to its Class (and so to reflection and class
     * loading), thread plumbing, and the parallel operations that run code on the common fork-join pool,
     * outside the check's time budget.
     */
    static final Set<String> REFUSED_MEMBERS = Set.of(
            "getClass", "getDeclaringClass", "class", "declaringClass", "wait", "notify", "notifyAll", "finalize",
            "parallel", "parallelStream", "parallelSort", "parallelPrefix", "parallelSetAll", "printStackTrace");

    /** The only invokedynamic bootstraps allowed: string concatenation and lambdas, both generated by javac/ecj. */
    static final Set<String> BOOTSTRAPS = Set.of(
            "java.lang.invoke.StringConcatFactory.makeConcatWithConstants",
            "java.lang.invoke.StringConcatFactory.makeConcat",
            "java.lang.invoke.LambdaMetafactory.metafactory",
            "java.lang.invoke.LambdaMetafactory.altMetafactory");

    private RuleCodePolicy() {
    }

    /** Whether rule code may reference the type with this binary name ({@code java.util.Map$Entry}). */
    public static boolean typeAllowed(String binaryName) {
        String name = binaryName;
        while (name.startsWith("[")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            return false;
        }
        String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
        if (REFUSED_TYPES.contains(outer)) {
            return false;
        }
        int dot = outer.lastIndexOf('.');
        String pkg = dot < 0 ? "" : outer.substring(0, dot);
        if (pkg.equals("java.lang")) {
            return JAVA_LANG.contains(outer.substring(dot + 1));
        }
        return PACKAGES.contains(pkg) || DROOLS.containsKey(outer);
    }

    /** Whether {@code member} of the allowed type {@code owner} may be used. */
    public static boolean memberAllowed(String owner, String member) {
        if (REFUSED_MEMBERS.contains(member) || REFUSED_TYPE_MEMBERS.getOrDefault(owner, Set.of()).contains(member)) {
            return false;
        }
        Set<String> drools = DROOLS.get(owner);
        return drools == null || drools.contains(member);
    }

    /** Whether rule code may call this member at all, whatever its receiver (used where the type is unknown). */
    public static boolean memberNameAllowed(String member) {
        return !REFUSED_MEMBERS.contains(member);
    }
}
