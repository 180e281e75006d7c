package org.herald.bounces.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceRecord;
import org.junit.jupiter.api.Test;

/**
 * Runs the outside sample set (src/test/resources/outside: real bounces of Sisimai's set-of-emails that
 * are <em>not</em> in the shared set, see the README there) and reports, for its tuning part and its
 * hold-out part separately, the class agreement, HARD recall and false HARD with the confusion matrix
 * and every miss. The hold-out part was fixed (by a hash of the file name) before the classifier was
 * tuned on the tuning part, and nothing was tuned on it: it is what the figures mean for MTAs the
 * classifier has never seen. It prints whether the hold-out part meets the aims (HARD recall at
 * least 90% with at most 1% of non-HARD records called HARD) and fails when it falls below what the
 * classifier reaches today ({@link #FLOOR_HARD_RECALL}, {@link #FLOOR_FALSE_HARD}).
 */
class OutsideSetAccuracyTest extends ClassifierTestSupport {

    /** The aims for the hold-out part. */
    static final double AIM_HARD_RECALL = 90.0;
    static final double AIM_FALSE_HARD = 1.0;
    /**
     * What the classifier reaches on the hold-out part today (HARD recall 54/62, false HARD 3/135): the test
     * fails if a change falls below it. The aims above are not reached yet (see the README of the outside
     * set); raise these floors to the aims when they are.
     */
    static final double FLOOR_HARD_RECALL = 87.0;
    static final double FLOOR_FALSE_HARD = 2.3;

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (\"((?:[^\"\\\\]|\\\\.)*)\"|null|\\d+)");

    record Expected(String file, String set, int index, BounceClass cls, String reason, String status) {
    }

    /**
     * The figures of one part of the set. A HARD record marked {@linkplain BounceRecord#unconfirmed()
     * unconfirmed} is its own answer, {@code HARD?}: at once it changes no contact (like BLOCKED), and the
     * contact becomes INACTIVE only when a second such bounce from another campaign confirms it (the
     * hygiene rule of the processor). So it is counted by what Herald does:
     * <ul>
     * <li><b>HARD recall</b>: HARD records answered HARD or HARD? (the address leaves the list, at once or
     * on the second bounce);</li>
     * <li><b>false HARD</b>: non-HARD records answered HARD (a contact made INACTIVE on one bounce);
     * non-HARD records answered HARD? are counted apart ({@code weak on non-HARD});</li>
     * <li><b>agreement</b>: the answer is the class, HARD? counting as BLOCKED (what happens at once);
     * {@code strict} counts HARD? as HARD instead.</li>
     * </ul>
     */
    static final class Tally {
        static final String WEAK = "HARD?";
        final String name;
        int messages, total, agree, strictAgree, hard, hardFound, nonHard, falseHard, weakNonHard, weak;
        final Map<BounceClass, Map<String, Integer>> matrix = new EnumMap<>(BounceClass.class);
        final List<String> misses = new ArrayList<>();

        Tally(String name) {
            this.name = name;
        }

        double agreement() {
            return 100.0 * agree / total;
        }

        double strictAgreement() {
            return 100.0 * strictAgree / total;
        }

        double hardRecall() {
            return 100.0 * hardFound / hard;
        }

        double falseHard() {
            return 100.0 * falseHard / nonHard;
        }

        static String answer(BounceRecord got) {
            return got == null ? "NONE" : got.unconfirmed() ? WEAK : got.bounceClass().name();
        }

        /** Counts one record; returns whether the answer agrees with the expected class. */
        boolean add(BounceClass want, BounceRecord got) {
            total++;
            String a = answer(got);
            matrix.computeIfAbsent(want, k -> new LinkedHashMap<>()).merge(a, 1, Integer::sum);
            boolean ok = a.equals(want.name()) || a.equals(WEAK) && want == BounceClass.BLOCKED;
            if (ok) {
                agree++;
            }
            if (a.equals(want.name()) || a.equals(WEAK) && want == BounceClass.HARD) {
                strictAgree++;
            }
            if (a.equals(WEAK)) {
                weak++;
            }
            if (want == BounceClass.HARD) {
                hard++;
                if (a.equals("HARD") || a.equals(WEAK)) {
                    hardFound++;
                }
            } else {
                nonHard++;
                if (a.equals("HARD")) {
                    falseHard++;
                } else if (a.equals(WEAK)) {
                    weakNonHard++;
                }
            }
            return ok;
        }

        String report(String title) {
            StringBuilder sb = new StringBuilder(String.format("%n%s: %d messages, %d records%n", title, messages, total));
            sb.append(String.format("%-10s", "want\\got"));
            List<String> cols = new ArrayList<>();
            for (BounceClass c : BounceClass.values()) {
                cols.add(c.name());
                if (c == BounceClass.HARD) {
                    cols.add(WEAK);
                }
            }
            cols.add("NONE");
            cols.forEach(c -> sb.append(String.format("%10s", c)));
            sb.append('\n');
            for (BounceClass row : BounceClass.values()) {
                Map<String, Integer> r = matrix.getOrDefault(row, Map.of());
                sb.append(String.format("%-10s", row));
                cols.forEach(c -> sb.append(String.format("%10d", r.getOrDefault(c, 0))));
                sb.append('\n');
            }
            sb.append(String.format("agreement %.1f%% (%d/%d; strict, HARD? as HARD: %.1f%%), HARD recall %.1f%% (%d/%d, %d of them HARD?), "
                    + "false HARD %.2f%% (%d/%d non-HARD), weak on non-HARD %d (HARD? records: %d)%n",
                    agreement(), agree, total, strictAgreement(), hardRecall(), hardFound, hard,
                    matrix.getOrDefault(BounceClass.HARD, Map.of()).getOrDefault(WEAK, 0), falseHard(), falseHard, nonHard,
                    weakNonHard, weak));
            misses.forEach(m -> sb.append("  miss: ").append(m).append('\n'));
            return sb.toString();
        }
    }

    static List<Expected> expected() {
        List<Expected> out = new ArrayList<>();
        for (String line : new String(resource("expected.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> f = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                f.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2).equals("null") ? null : m.group(2));
            }
            out.add(new Expected(f.get("file"), f.get("set"), Integer.parseInt(f.get("index")), BounceClass.valueOf(f.get("class")),
                    f.get("reason"), f.get("status")));
        }
        return out;
    }

    static byte[] resource(String name) {
        try (InputStream in = OutsideSetAccuracyTest.class.getResourceAsStream("/outside/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource outside/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Scores one part. The tables name no recipient, so the n-th expected record of a message is compared
     * with the classifier's n-th record (its last one when it gave fewer), as Sisimai's tests do.
     */
    Tally score(String set) {
        Map<String, List<Expected>> byFile = new LinkedHashMap<>();
        for (Expected e : expected()) {
            if (e.set().equals(set)) {
                byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e);
            }
        }
        Tally t = new Tally(set);
        for (var entry : byFile.entrySet()) {
            t.messages++;
            List<BounceRecord> got = classifier.classify(resource(entry.getKey()));
            for (Expected e : entry.getValue()) {
                BounceRecord r = got.isEmpty() ? null : got.get(Math.min(e.index() - 1, got.size() - 1));
                if (!t.add(e.cls(), r)) {
                    t.misses.add(String.format("%-34s want %-9s %-15s %-7s got %-9s %-15s %-7s %s", e.file().substring(7), e.cls(),
                            e.reason(), e.status(), Tally.answer(r), r == null || r.reason() == null ? "-" : r.reason().key(),
                            r == null ? "-" : r.status(), r == null ? ""
                                    : MessageParser.clip(String.valueOf(r.note() != null ? r.note() : r.diagnostic()), 100)));
                }
            }
        }
        return t;
    }

    @Test
    void holdOutPartMeetsTheHardRecallAndFalseHardAims() {
        Tally tuning = score("tuning");
        Tally holdout = score("holdout");
        System.out.println(tuning.report("Outside set, tuning part"));
        System.out.println(holdout.report("Outside set, hold-out part"));
        assertThat(tuning.total).as("records of the tuning part").isPositive();
        assertThat(holdout.hard).as("HARD records of the hold-out part").isGreaterThanOrEqualTo(50);
        System.out.printf("hold-out aims: HARD recall >= %.0f%% %s, false HARD <= %.0f%% %s%n", AIM_HARD_RECALL,
                holdout.hardRecall() >= AIM_HARD_RECALL ? "met" : "NOT MET", AIM_FALSE_HARD,
                holdout.falseHard() <= AIM_FALSE_HARD ? "met" : "NOT MET");
        assertThat(holdout.hardRecall()).as("HARD recall (%%) on the hold-out part").isGreaterThanOrEqualTo(FLOOR_HARD_RECALL);
        assertThat(holdout.falseHard()).as("non-HARD records called HARD (%%) on the hold-out part")
                .isLessThanOrEqualTo(FLOOR_FALSE_HARD);
    }
}
