package org.herald.bounces.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An ordered list of regular expressions answered in one pass: the index of the first expression
 * (in list order) that occurs in a text. Each expression is given as alternatives; for every
 * alternative the longest literal that any match must contain is worked out once, and one scan of
 * the text with an automaton over all those literals (Aho-Corasick) tells which alternatives can
 * match at all. Only those are run as regular expressions, so the cost of a lookup no longer grows
 * with the number of phrases times the length of the text. The answer is exactly that of running
 * every alternative in order.
 */
public final class PhraseIndex {

    /** Literals shorter than this are not used as a prefilter; their alternative always runs. */
    private static final int MIN_LITERAL = 3;

    private record Alt(Pattern pattern, int literal) {
    }

    private final List<Alt[]> entries = new ArrayList<>();
    private final Map<String, Integer> literalIds = new LinkedHashMap<>();
    private final int flags;
    private Automaton automaton;

    /** @param flags the {@link Pattern} flags every alternative is compiled with */
    public PhraseIndex(int flags) {
        this.flags = flags;
    }

    /** Adds the next expression, given as its alternatives; returns its index. */
    public int add(String... alternatives) {
        if (automaton != null) {
            throw new IllegalStateException("the index is already built");
        }
        Alt[] alts = new Alt[alternatives.length];
        for (int i = 0; i < alternatives.length; i++) {
            String lit = requiredLiteral(alternatives[i]);
            if ((flags & Pattern.CASE_INSENSITIVE) != 0 && lit != null) {
                lit = lit.toLowerCase(java.util.Locale.ROOT);
            }
            int id = -1;
            if (lit != null && lit.length() >= MIN_LITERAL) {
                id = literalIds.computeIfAbsent(lit, k -> literalIds.size());
            }
            alts[i] = new Alt(Pattern.compile(alternatives[i], flags), id);
        }
        entries.add(alts);
        return entries.size() - 1;
    }

    /** Freezes the index; call once after the last {@link #add}. */
    public PhraseIndex build() {
        automaton = new Automaton(new ArrayList<>(literalIds.keySet()));
        return this;
    }

    /** The number of expressions. */
    public int size() {
        return entries.size();
    }

    /**
     * The index of the first expression with an alternative found in the text, or -1. With
     * {@link Pattern#CASE_INSENSITIVE} the text is scanned lower-cased; otherwise as given.
     */
    public int first(CharSequence text) {
        BitSet hits = automaton.scan(text, (flags & Pattern.CASE_INSENSITIVE) != 0);
        for (int e = 0; e < entries.size(); e++) {
            for (Alt a : entries.get(e)) {
                if ((a.literal() < 0 || hits.get(a.literal())) && a.pattern().matcher(text).find()) {
                    return e;
                }
            }
        }
        return -1;
    }

    /** Whether expression {@code e} has an alternative found in the text. */
    public boolean matches(int e, CharSequence text) {
        BitSet hits = automaton.scan(text, (flags & Pattern.CASE_INSENSITIVE) != 0);
        for (Alt a : entries.get(e)) {
            if ((a.literal() < 0 || hits.get(a.literal())) && a.pattern().matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** The alternatives of a regular expression: its top-level {@code |} branches. */
    public static String[] alternatives(String re) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skipGroup(re, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(re.substring(from, i));
                from = i + 1;
            }
        }
        out.add(re.substring(from));
        return out.toArray(new String[0]);
    }

    private final ThreadLocal<Object[]> lastScan = new ThreadLocal<>();

    /**
     * As {@link #matches(int, CharSequence)} on the first {@code limit} characters of the text;
     * asking about several expressions for the same text instance scans it once.
     */
    public boolean matches(int e, String text, int limit) {
        Object[] last = lastScan.get();
        CharSequence region = text.length() > limit ? java.nio.CharBuffer.wrap(text, 0, limit) : text;
        BitSet hits;
        if (last != null && last[0] == text && (Integer) last[1] == limit) {
            hits = (BitSet) last[2];
        } else {
            hits = automaton.scan(region, (flags & Pattern.CASE_INSENSITIVE) != 0);
            lastScan.set(new Object[] {text, limit, hits});
        }
        for (Alt a : entries.get(e)) {
            if ((a.literal() < 0 || hits.get(a.literal())) && a.pattern().matcher(region).find()) {
                return true;
            }
        }
        return false;
    }

    /** The same answer without the prefilter, for tests. */
    int firstWithoutIndex(CharSequence text) {
        for (int e = 0; e < entries.size(); e++) {
            for (Alt a : entries.get(e)) {
                if (a.pattern().matcher(text).find()) {
                    return e;
                }
            }
        }
        return -1;
    }

    /**
     * The longest run of literal characters that every match of the expression contains, or null
     * when none can be told (a top-level alternation). Conservative: groups, classes, escapes
     * such as {@code \b} and optional characters end a run.
     */
    static String requiredLiteral(String re) {
        String best = "";
        StringBuilder run = new StringBuilder();
        boolean lastLiteral = false;
        int n = re.length();
        int i = 0;
        while (i < n) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = re.charAt(i + 1);
                i += 2;
                if (Character.isLetterOrDigit(next)) {
                    best = longer(best, run);
                    run.setLength(0);
                    lastLiteral = false;
                } else {
                    run.append(next);
                    lastLiteral = true;
                }
            } else if (c == '(' || c == '[') {
                best = longer(best, run);
                run.setLength(0);
                lastLiteral = false;
                i = skipGroup(re, i);
            } else if (c == '|') {
                return null;
            } else if (c == '?' || c == '*' || c == '{') {
                if (lastLiteral && run.length() > 0) {
                    run.setLength(run.length() - 1);
                }
                best = longer(best, run);
                run.setLength(0);
                lastLiteral = false;
                if (c == '{') {
                    int close = re.indexOf('}', i);
                    i = close < 0 ? n : close + 1;
                } else {
                    i++;
                }
            } else if (c == '.' || c == '^' || c == '$' || c == '+' || c == ')' || c == ']') {
                best = longer(best, run);
                run.setLength(0);
                lastLiteral = false;
                i++;
            } else {
                run.append(c);
                lastLiteral = true;
                i++;
            }
        }
        return longer(best, run);
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }

    /** The index after the group or class that starts at {@code i}. */
    private static int skipGroup(String re, int i) {
        int n = re.length();
        if (re.charAt(i) == '[') {
            int j = i + 1;
            if (j < n && re.charAt(j) == '^') {
                j++;
            }
            if (j < n && re.charAt(j) == ']') {
                j++;
            }
            while (j < n && re.charAt(j) != ']') {
                j += re.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(n, j + 1);
        }
        int depth = 0;
        int j = i;
        while (j < n) {
            char c = re.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                j = skipGroup(re, j);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return j + 1;
                }
            }
            j++;
        }
        return n;
    }

    /** Aho-Corasick over the literals, as a full transition table on a compact alphabet. */
    private static final class Automaton {
        private final short[] symbol = new short[65536];
        private final int width;
        private final int[] next;
        private final int[][] out;

        Automaton(List<String> literals) {
            Arrays.fill(symbol, (short) -1);
            short w = 0;
            for (String l : literals) {
                for (int i = 0; i < l.length(); i++) {
                    char ch = l.charAt(i);
                    if (symbol[ch] < 0) {
                        symbol[ch] = w++;
                    }
                }
            }
            width = Math.max(1, w);
            // trie
            List<int[]> go = new ArrayList<>();
            List<List<Integer>> outs = new ArrayList<>();
            go.add(newRow());
            outs.add(new ArrayList<>());
            for (int id = 0; id < literals.size(); id++) {
                String l = literals.get(id);
                int s = 0;
                for (int i = 0; i < l.length(); i++) {
                    int a = symbol[l.charAt(i)];
                    if (go.get(s)[a] < 0) {
                        go.get(s)[a] = go.size();
                        go.add(newRow());
                        outs.add(new ArrayList<>());
                    }
                    s = go.get(s)[a];
                }
                outs.get(s).add(id);
            }
            // failure links, breadth first, turned into a full transition table
            int states = go.size();
            int[] fail = new int[states];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int a = 0; a < width; a++) {
                int t = go.get(0)[a];
                if (t < 0) {
                    go.get(0)[a] = 0;
                } else {
                    fail[t] = 0;
                    queue.add(t);
                }
            }
            while (!queue.isEmpty()) {
                int s = queue.poll();
                outs.get(s).addAll(outs.get(fail[s]));
                for (int a = 0; a < width; a++) {
                    int t = go.get(s)[a];
                    if (t < 0) {
                        go.get(s)[a] = go.get(fail[s])[a];
                    } else {
                        fail[t] = go.get(fail[s])[a];
                        queue.add(t);
                    }
                }
            }
            next = new int[states * width];
            out = new int[states][];
            for (int s = 0; s < states; s++) {
                System.arraycopy(go.get(s), 0, next, s * width, width);
                out[s] = outs.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
            }
        }

        private int[] newRow() {
            int[] r = new int[width];
            Arrays.fill(r, -1);
            return r;
        }

        BitSet scan(CharSequence text, boolean lower) {
            BitSet hits = new BitSet();
            int s = 0;
            for (int i = 0, n = text.length(); i < n; i++) {
                char ch = text.charAt(i);
                if (lower) {
                    ch = Character.toLowerCase(ch);
                }
                int a = symbol[ch];
                if (a < 0) {
                    s = 0;
                    continue;
                }
                s = next[s * width + a];
                int[] o = out[s];
                for (int id : o) {
                    hits.set(id);
                }
            }
            return hits;
        }
    }
}
