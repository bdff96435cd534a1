package org.clearance.rules.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;
import org.clearance.rules.RulePackProblem;
import org.clearance.rules.guard.DrlTokens.Kind;
import org.clearance.rules.guard.DrlTokens.Token;

/**
 * Screens the text of one DRL file (or the DRL generated from a decision table) before Drools parses it.
 * Every token outside comments and string literals is checked — rule conditions, which the engine interprets
 * with MVEL and never compiles up front, as well as consequences, functions, {@code eval}s, {@code from}
 * and accumulate expressions, declared types, metadata and attributes (Drools evaluates some of those while
 * it builds the pack): every name that resolves to a type must be on the {@link RuleCodePolicy allow-list},
 * imports too; {@code getClass}/{@code .class} and the like are refused on any receiver; and the constructs
 * that let a pack run code the allow-list cannot see are refused outright: another dialect (MVEL),
 * inline accumulate code, custom accumulate functions and the {@code static} keyword.
 */
final class SourceScreen {

    private static final Set<String> JDK_ROOTS = Set.of("java", "javax", "jdk", "sun", "com.sun");
    private static final Set<String> INLINE_ACCUMULATE = Set.of("init", "action", "reverse", "result");
    /** Names looked up so far; bounded, as the names come from uploaded packs. */
    private static final Map<String, Optional<String>> CLASSES = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 50_000;

    private final String file;
    private final IntUnaryOperator lineOf;
    private final List<RulePackProblem> problems;
    private final Set<String> reported = new LinkedHashSet<>();
    private final Map<String, String> imports = new HashMap<>();
    private final List<String> wildcardImports = new ArrayList<>();
    private String drlPackage = "";
    private final List<Token> tokens;
    /** The rule, function, declared type or query the current token belongs to; null before the first. */
    private String context = null;
    private int rules;

    private SourceScreen(String file, String drl, IntUnaryOperator lineOf, List<RulePackProblem> problems) {
        this.file = file;
        this.lineOf = lineOf;
        this.problems = problems;
        this.tokens = DrlTokens.of(drl);
    }

    /** Screens {@code drl}, adding a problem per refused use; returns the number of rules it declares. */
    static int screen(String file, String drl, IntUnaryOperator lineOf, List<RulePackProblem> problems) {
        SourceScreen screen = new SourceScreen(file, drl, lineOf, problems);
        screen.run();
        return screen.rules;
    }

    private void run() {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Kind.IDENT) {
                continue;
            }
            boolean afterDot = i > 0 && tokens.get(i - 1).is(".");
            if (!afterDot && header(i)) {
                continue;
            }
            if (!afterDot && token.is("package") && context == null) {
                i = packageStatement(i);
            } else if (!afterDot && token.is("import") && context == null) {
                i = importStatement(i);
            } else if (!afterDot && token.is("dialect")) {
                Token next = at(i + 1);
                if (next == null || next.kind() != Kind.STRING || !next.text().equals("java")) {
                    refuse(token, "uses dialect " + (next == null ? "" : "\"" + next.text() + "\"")
                            + "; rules are written in Java only (remove the dialect attribute)");
                }
            } else if (token.is("static")) {
                refuse(token, "uses the keyword 'static', which rules may not use");
            } else if (!afterDot && INLINE_ACCUMULATE.contains(token.text()) && at(i + 1) != null && at(i + 1).is("(")) {
                refuse(token, "uses an accumulate with inline code (" + token.text() + "(...)), which rules may not use: "
                        + "use the accumulate functions count, sum, min, max, average, collectList, collectSet");
            } else if (afterDot) {
                if (!RuleCodePolicy.memberNameAllowed(token.text())) {
                    refuse(token, "uses " + token.text() + (token.is("class") ? "" : "()")
                            + ", which rules may not call (it leads to reflection)");
                }
            } else {
                i = chain(i);
            }
        }
    }

    /** Tracks which rule, function, declared type or query the following tokens belong to. */
    private boolean header(int i) {
        Token token = tokens.get(i);
        Token next = at(i + 1);
        if (next == null) {
            return false;
        }
        boolean previousClosesStatement = i == 0 || !tokens.get(i - 1).is("(") && !tokens.get(i - 1).is(",");
        if (token.is("rule") && previousClosesStatement && (next.kind() == Kind.STRING || next.kind() == Kind.IDENT)) {
            context = "rule \"" + next.text() + "\"";
            rules++;
            return true;
        }
        if (token.is("query") && (next.kind() == Kind.STRING || next.kind() == Kind.IDENT)) {
            context = "query \"" + next.text() + "\"";
            return true;
        }
        if (token.is("declare") && next.kind() == Kind.IDENT) {
            Token name = next.is("enum") || next.is("trait") || next.is("window") ? at(i + 2) : next;
            context = "declared type " + (name == null ? "" : name.text());
            return false;
        }
        if (token.is("function")) {
            for (int j = i + 1; j < tokens.size() && j < i + 20; j++) {
                if (tokens.get(j).is("(")) {
                    context = "function " + tokens.get(j - 1).text();
                    break;
                }
            }
            return false;
        }
        return false;
    }

    private int packageStatement(int i) {
        StringBuilder name = new StringBuilder();
        int j = i + 1;
        while (j < tokens.size() && (tokens.get(j).kind() == Kind.IDENT || tokens.get(j).is("."))) {
            name.append(tokens.get(j).text());
            j++;
        }
        drlPackage = name.toString();
        return j - 1;
    }

    private int importStatement(int i) {
        Token keyword = tokens.get(i);
        int j = i + 1;
        String kind = "";
        if (at(j) != null && (at(j).is("function") || at(j).is("accumulate") || at(j).is("static"))) {
            kind = at(j).text();
            j++;
        }
        StringBuilder name = new StringBuilder();
        while (j < tokens.size() && tokens.get(j).line() == keyword.line()
                && (tokens.get(j).kind() == Kind.IDENT || tokens.get(j).is(".") || tokens.get(j).is("*"))) {
            name.append(tokens.get(j).text());
            j++;
        }
        String imported = name.toString();
        String previous = context;
        context = "import " + (kind.isEmpty() ? "" : kind + " ") + imported;
        if (kind.equals("accumulate") || kind.equals("static")) {
            refuse(keyword, "is not allowed: rules may not import " + (kind.equals("static") ? "static members"
                    : "custom accumulate functions (their code runs unchecked)"));
        } else if (imported.endsWith(".*")) {
            String pkg = imported.substring(0, imported.length() - 2);
            if (!RuleCodePolicy.PACKAGES.contains(pkg)) {
                refuse(keyword, "is not allowed: " + allowed());
            } else {
                wildcardImports.add(pkg);
            }
        } else {
            String type = kind.equals("function") && imported.contains(".")
                    ? imported.substring(0, imported.lastIndexOf('.')) : imported;
            Optional<String> resolved = qualified(type);
            if (resolved.isEmpty() || !RuleCodePolicy.typeAllowed(resolved.get())) {
                refuse(keyword, "is not allowed: " + allowed());
            } else if (!kind.equals("function")) {
                imports.put(imported.substring(imported.lastIndexOf('.') + 1), resolved.get());
            }
        }
        context = previous;
        return j - 1;
    }

    /**
     * Checks a name chain such as {@code java.lang.Runtime.getRuntime} or {@code Math.max}: the longest prefix
     * that is a type must be allowed, and so must the member used on it. Returns the index of its last token.
     */
    private int chain(int i) {
        List<Token> segments = new ArrayList<>();
        segments.add(tokens.get(i));
        int j = i + 1;
        while (j + 1 < tokens.size() && tokens.get(j).is(".") && tokens.get(j + 1).kind() == Kind.IDENT) {
            segments.add(tokens.get(j + 1));
            j += 2;
        }
        if (segments.get(0).text().startsWith("$")) {
            checkMembers(segments, 1); // a binding ($order.buyer…): member access, never a type
            return i + 2 * (segments.size() - 1);
        }
        StringBuilder prefix = new StringBuilder();
        for (int k = 0; k < segments.size(); k++) {
            if (k > 0) {
                prefix.append('.');
            }
            prefix.append(segments.get(k).text());
            Optional<String> type = k == 0 ? simple(prefix.toString()) : qualified(prefix.toString());
            if (type.isPresent()) {
                String member = k + 1 < segments.size() ? segments.get(k + 1).text() : null;
                String shown = type.get().replace('$', '.') + (member == null ? "" : "." + member);
                if (!RuleCodePolicy.typeAllowed(type.get())) {
                    refuse(segments.get(0), "uses " + shown + ", which rules may not "
                            + (member == null ? "use" : "call"));
                } else if (member != null && !RuleCodePolicy.memberAllowed(type.get(), member)) {
                    refuse(segments.get(0), "uses " + shown + ", which rules may not call");
                }
                checkMembers(segments, k + 2);
                return i + 2 * (segments.size() - 1);
            }
        }
        String root = segments.get(0).text();
        if (segments.size() > 1 && (JDK_ROOTS.contains(root) || root.equals("com") && segments.get(1).text().equals("sun"))) {
            refuse(segments.get(0), "uses " + prefix + ", which is not a type rules may use");
        }
        checkMembers(segments, 1);
        return i + 2 * (segments.size() - 1);
    }

    private void checkMembers(List<Token> segments, int from) {
        for (int k = from; k < segments.size(); k++) {
            Token member = segments.get(k);
            if (!RuleCodePolicy.memberNameAllowed(member.text())) {
                refuse(member, "uses " + member.text() + (member.is("class") ? "" : "()")
                        + ", which rules may not call (it leads to reflection)");
            }
        }
    }

    /** A simple name as Drools resolves it: explicit imports, wildcard imports, the DRL package, java.lang. */
    private Optional<String> simple(String name) {
        String imported = imports.get(name);
        if (imported != null) {
            return Optional.of(imported);
        }
        for (String pkg : wildcardImports) {
            Optional<String> found = qualified(pkg + "." + name);
            if (found.isPresent()) {
                return found;
            }
        }
        if (!drlPackage.isEmpty()) {
            Optional<String> found = qualified(drlPackage + "." + name);
            if (found.isPresent()) {
                return found;
            }
        }
        // java.lang has no class whose name starts in lower case: skip the look-up for fields and keywords.
        return Character.isUpperCase(name.charAt(0)) ? qualified("java.lang." + name) : Optional.empty();
    }

    /** The binary name of the class with this canonical name, if one is on the class path. */
    static Optional<String> qualified(String name) {
        Optional<String> known = CLASSES.get(name);
        if (known != null) {
            return known;
        }
        Optional<String> found = lookUp(name);
        if (CLASSES.size() < MAX_CACHED) {
            CLASSES.put(name, found);
        }
        return found;
    }

    private static Optional<String> lookUp(String name) {
        String candidate = name;
        while (true) {
            for (ClassLoader loader : loaders()) {
                try {
                    return Optional.of(Class.forName(candidate, false, loader).getName()); // loads, never initialises
                } catch (ClassNotFoundException | LinkageError e) {
                    // try the next loader, then the nested-class spelling
                }
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            if (candidate.indexOf('.') < 0) {
                return Optional.empty();
            }
        }
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(SourceScreen.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != loaders.get(0)) {
            loaders.add(context);
        }
        return loaders;
    }

    private static String allowed() {
        return "rules may use only org.clearance.facts, java.util collections, java.time, java.math and "
                + "String, Math and the boxed numbers of java.lang (docs/authoring.md, \"What rules may call\")";
    }

    private Token at(int i) {
        return i < tokens.size() ? tokens.get(i) : null;
    }

    private void refuse(Token token, String what) {
        String where = context == null ? "" : context + " ";
        String message = where + what;
        if (reported.add(message)) {
            problems.add(new RulePackProblem(file, lineOf.applyAsInt(token.line()), message));
        }
    }
}
