package org.herald.bounces.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.herald.bounce.spi.BounceRule;
import org.herald.bounces.internal.rules.BuiltinRules;

/**
 * The rules in the order they see a message: highest ranking first, then earlier registration.
 * Immutable; the component swaps in a new set when rules come and go.
 */
public final class RuleSet {

    /** A rule with its ranking and registration order (built-ins first, then service ids). */
    public record Entry(BounceRule rule, int ranking, long order) {
    }

    private final List<Entry> entries;

    private RuleSet(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(Entry::ranking).reversed().thenComparingLong(Entry::order));
        this.entries = List.copyOf(sorted);
    }

    /** The built-in rules are stateless, so one instance of each serves every classifier. */
    private static final List<Entry> BUILTIN;
    private static final RuleSet BUILTIN_ONLY;
    private static final java.util.Set<BounceRule> BUILTIN_RULES;

    static {
        List<Entry> b = new ArrayList<>();
        long order = Long.MIN_VALUE;
        for (BuiltinRules.Ranked r : BuiltinRules.all()) {
            b.add(new Entry(r.rule(), r.ranking(), order++));
        }
        BUILTIN = List.copyOf(b);
        java.util.Set<BounceRule> ids = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        b.forEach(x -> ids.add(x.rule()));
        BUILTIN_RULES = java.util.Collections.unmodifiableSet(ids);
        BUILTIN_ONLY = new RuleSet(BUILTIN);
    }

    /** Herald's built-in rules and the given contributed ones. */
    public static RuleSet of(List<Entry> contributed) {
        if (contributed.isEmpty()) {
            return BUILTIN_ONLY;
        }
        List<Entry> all = new ArrayList<>(BUILTIN);
        all.addAll(contributed);
        return new RuleSet(all);
    }

    /** Only Herald's built-in rules. */
    public static RuleSet builtin() {
        return BUILTIN_ONLY;
    }

    /** Whether the entry is one of Herald's own rules (which check the deadline themselves). */
    public boolean isBuiltin(Entry e) {
        return BUILTIN_RULES.contains(e.rule());
    }

    public List<Entry> entries() {
        return entries;
    }
}
