package org.clearance.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearance.facts.Applicability;
import org.clearance.facts.Authorisation;
import org.clearance.facts.BuyerHistory;
import org.clearance.facts.ChpLine;
import org.clearance.facts.CitedAuthorisation;
import org.clearance.facts.Contract;
import org.clearance.facts.CountryLink;
import org.clearance.facts.CountryRisk;
import org.clearance.facts.Cover;
import org.clearance.facts.DataCompleteness;
import org.clearance.facts.DataRow;
import org.clearance.facts.EndUse;
import org.clearance.facts.Finding;
import org.clearance.facts.Line;
import org.clearance.facts.ListedOwnership;
import org.clearance.facts.Order;
import org.clearance.facts.OrderChange;
import org.clearance.facts.OrderParty;
import org.clearance.facts.OrderScoped;
import org.clearance.facts.Party;
import org.clearance.facts.PartyMatch;
import org.clearance.facts.PartyIdentifier;
import org.clearance.facts.PartyOwner;
import org.clearance.facts.Payment;
import org.clearance.facts.RiskFactor;
import org.clearance.facts.RouteStop;
import org.clearance.facts.RussiaBelarusLink;
import org.clearance.facts.Subject;

/**
 * The fact types rules are written against ({@code org.clearance.facts}) and what a rule can read on each, as
 * Drools resolves it: a field is any public no-argument method ({@code hs6} reads {@code hs6()}, {@code getX()} and
 * {@code isX()} read as {@code x}). Compile errors suggest from it and docs/authoring.md lists it.
 */
public final class FactTypes {

    /** The records and interfaces rules match; FactTypesDocTest checks that none of org.clearance.facts is missing. */
    public static final List<Class<?>> ALL = List.of(Order.class, Line.class, ChpLine.class, RussiaBelarusLink.class, OrderParty.class,
            Party.class, PartyOwner.class, PartyIdentifier.class, RouteStop.class, CountryLink.class, OrderChange.class, Payment.class,
            Contract.class, EndUse.class, BuyerHistory.class, RiskFactor.class, DataRow.class, DataCompleteness.class,
            PartyMatch.class, ListedOwnership.class, CountryRisk.class, Applicability.class, CitedAuthorisation.class, Authorisation.class,
            Cover.class, Finding.class, Subject.class, OrderScoped.class);

    private static final Set<String> OBJECT_METHODS = Arrays.stream(Object.class.getMethods())
            .map(Method::getName).collect(Collectors.toSet());

    private FactTypes() {
    }

    /** The fact type with this simple name ({@code Line}), if rules have one. */
    public static Optional<Class<?>> named(String simpleName) {
        return ALL.stream().filter(t -> t.getSimpleName().equals(simpleName)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Class::getSimpleName).toList();
    }

    /** What a condition can read on {@code type}: record components in declaration order, then the other fields A–Z. */
    public static List<String> fields(Class<?> type) {
        Set<String> fields = new LinkedHashSet<>();
        if (type.isRecord()) {
            Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(fields::add);
        }
        publicMethods(type).filter(m -> m.getParameterCount() == 0 && m.getReturnType() != void.class)
                .map(m -> property(m.getName())).sorted().forEach(fields::add);
        return List.copyOf(fields);
    }

    /** The methods a rule calls with arguments on {@code type}, e.g. {@code incorporatedAfter(String)}, A–Z. */
    public static List<String> methods(Class<?> type) {
        return publicMethods(type).filter(m -> m.getParameterCount() > 0)
                .map(m -> m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")")))
                .distinct().sorted().toList();
    }

    private static java.util.stream.Stream<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
                .filter(m -> !OBJECT_METHODS.contains(m.getName()))
                .sorted(Comparator.comparing(Method::getName));
    }

    /** Drools reads {@code getName()} and {@code isBlocked()} as {@code name} and {@code blocked}. */
    private static String property(String method) {
        for (String prefix : List.of("get", "is")) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                String rest = method.substring(prefix.length());
                return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return method;
    }
}
