package org.clearance.rules.guard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.clearance.rules.RulePackProblem;
import org.drools.base.definitions.impl.KnowledgePackageImpl;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.DialectRuntimeData;
import org.drools.base.rule.Function;
import org.drools.base.rule.TypeDeclaration;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The one check every rule pack passes before any of its code runs, whatever its source (startup, hot
 * reload, {@code rules/validate}, {@code --rules}, {@code rules test}, {@code rules diff --base}): the
 * RulePackLoader calls {@link #screenSources} before Drools parses anything and {@link #screenCompiled}
 * after compiling and before the KieBase (and so any session) exists. Problems name the file (relative
 * to the pack), the line and the rule, never a server path.
 */
public final class RulePackGuard {

    /** The text of one rule file as Drools will compile it, and how its lines map to what its author edits. */
    public record Source(String file, String drl, IntUnaryOperator lineOf) {
    }

    /** Where a rule is declared, for messages about its compiled code. */
    public record Location(String file, int line) {
    }

    private RulePackGuard() {
    }

    /** Size and rule-count limits, then the source screen of every file. */
    public static List<RulePackProblem> screenSources(Collection<Source> sources, PackLimits limits) {
        List<RulePackProblem> problems = new ArrayList<>();
        int rules = 0;
        String biggest = ".";
        int most = -1;
        for (Source source : sources) {
            int bytes = source.drl().length();
            if (bytes > limits.maxFileBytes()) {
                problems.add(new RulePackProblem(source.file(), 0, "is " + bytes + " characters long, more than the "
                        + limits.maxFileBytes() + " a rule file may have (clearance.rules.max-file-bytes): split it by concern"));
                continue;
            }
            int inFile = SourceScreen.screen(source.file(), source.drl(), source.lineOf(), problems);
            rules += inFile;
            if (inFile > most) {
                most = inFile;
                biggest = source.file();
            }
        }
        if (rules > limits.maxRules()) {
            problems.add(new RulePackProblem(biggest, 0, "the pack has " + rules + " rules (" + most + " in this file), more than the "
                    + limits.maxRules() + " a pack may have (clearance.rules.max-rules)"));
        }
        return problems;
    }

    /**
     * Screens the classes compiled into {@code packages}. {@code rules} gives where each rule is declared
     * ("package.name", the table row for a decision table's rule).
     */
    public static List<RulePackProblem> screenCompiled(Collection<KiePackage> packages, Map<String, Location> rules) {
        List<RulePackProblem> problems = new ArrayList<>();
        for (KiePackage kiePackage : packages) {
            KnowledgePackageImpl pkg = (KnowledgePackageImpl) kiePackage;
            DialectRuntimeData data = pkg.getDialectRuntimeRegistry().getDialectData("java");
            if (data == null) {
                continue;
            }
            Map<String, byte[]> store = ((JavaDialectRuntimeData) data).getStore();
            for (BytecodeScreen.Refusal refusal : BytecodeScreen.screen(store)) {
                RulePackProblem problem = locate(pkg, refusal, rules);
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }

    private static RulePackProblem locate(KnowledgePackageImpl pkg, BytecodeScreen.Refusal refusal, Map<String, Location> rules) {
        String internal = refusal.className();
        String simple = internal.substring(internal.lastIndexOf('/') + 1);
        String dotted = internal.replace('/', '.');
        String what = "uses " + refusal.what();
        Rule best = null;
        int bestLength = -1;
        for (Rule rule : pkg.getRules()) {
            String legal = "Rule_" + legalName(rule.getName());
            if (simple.startsWith(legal) && legal.length() > bestLength) {
                best = rule;
                bestLength = legal.length();
            }
        }
        if (best != null) {
            Location location = rules.get(pkg.getName() + "." + best.getName());
            String file = location != null ? location.file() : sourcePath((RuleImpl) best);
            // The rule's own line: Drools' line mappings of generated classes are off by a few lines.
            int line = location != null ? location.line() : 0;
            return new RulePackProblem(file, line, "rule \"" + best.getName() + "\" " + what);
        }
        for (Function function : pkg.getFunctions().values()) {
            if (dotted.equals(function.getClassName()) || dotted.startsWith(function.getClassName() + "$")) {
                String file = function.getResource() == null ? pkg.getName() : function.getResource().getSourcePath();
                return new RulePackProblem(file, 0, "function " + function.getName() + " " + what);
            }
        }
        for (TypeDeclaration type : pkg.getTypeDeclarations().values()) {
            if (dotted.equals(type.getTypeClassName())) {
                String file = type.getResource() == null ? pkg.getName() : type.getResource().getSourcePath();
                return new RulePackProblem(file, 0, "declared type " + type.getTypeName() + " " + what);
            }
        }
        return new RulePackProblem(pkg.getName(), 0, "generated code " + simple + " " + what);
    }

    private static String sourcePath(RuleImpl rule) {
        return rule.getResource() == null ? rule.getPackageName() : rule.getResource().getSourcePath();
    }

    /** The class-name form of a rule name, as Drools builds it ({@code -} → {@code $u45$}, space → {@code _}). */
    static String legalName(String name) {
        StringBuilder legal = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c == ' ') {
                legal.append('_');
            } else if (Character.isJavaIdentifierPart(c) && c != '$') {
                legal.append(c);
            } else {
                legal.append("$u").append((int) c).append('$');
            }
        }
        return legal.toString();
    }
}
