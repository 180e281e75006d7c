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

    /** Herald's built-in rules and the given contributed ones. */
    public static RuleSet of(List<Entry> contributed) {
        List<Entry> all = new ArrayList<>();
        long order = Long.MIN_VALUE;
        for (BuiltinRules.Ranked r : BuiltinRules.all()) {
            all.add(new Entry(r.rule(), r.ranking(), order++));
        }
        all.addAll(contributed);
        return new RuleSet(all);
    }

    /** Only Herald's built-in rules. */
    public static RuleSet builtin() {
        return of(List.of());
    }

    public List<Entry> entries() {
        return entries;
    }
}
