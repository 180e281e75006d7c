package org.herald.bounces.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.spi.BounceMessage;
import org.herald.bounce.spi.BounceRule;
import org.herald.bounce.spi.RuleOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classification itself, independent of OSGi: input checks, a bounded parse, the rules in
 * order, completion of what rules left open, under a deadline: Herald's own parsing and rules run
 * on the calling thread and check the deadline in every loop that grows with the input
 * ({@link Deadline}); contributed rules run on a worker thread owned by this object and are
 * abandoned at the deadline. No input and no rule can hang the caller. Close it to stop the workers.
 */
public final class Classifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Classifier.class);

    private final long maxBytes;
    private final long timeoutMillis;
    private final Supplier<RuleSet> rules;
    private final MessageParser parser;
    private final ExecutorService workers;

    /**
     * @param maxBytes larger input is not parsed (UNKNOWN)
     * @param timeoutMillis a classification taking longer is abandoned (UNKNOWN)
     * @param rules the current rules, asked on every call
     */
    public Classifier(long maxBytes, long timeoutMillis, Supplier<RuleSet> rules) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive, was " + maxBytes);
        }
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be positive, was " + timeoutMillis);
        }
        this.maxBytes = maxBytes;
        this.timeoutMillis = timeoutMillis;
        this.rules = rules;
        this.parser = new MessageParser();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "herald-bounce-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newCachedThreadPool(tf);
    }

    /** Herald's built-in rules with the default bounds (for tools, tests and benchmarks). */
    public static Classifier withDefaults() {
        return new Classifier(BounceClassifierComponent.DEFAULT_MAX_MESSAGE_BYTES,
                BounceClassifierComponent.DEFAULT_TIMEOUT_MILLIS, RuleSet::builtin);
    }

    /** The largest message this classifier parses, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    public List<BounceRecord> classify(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return unknown("empty input: no bytes to classify");
        }
        if (raw.length > maxBytes) {
            return unknown("message is " + raw.length + " bytes, over the limit of " + maxBytes
                    + " bytes (maxMessageBytes); not parsed");
        }
        String sniff = sniff(raw);
        if (sniff != null) {
            return unknown(sniff);
        }
        // Herald's own work runs here on the calling thread and checks the deadline as it goes;
        // only contributed rules, whose code cannot be trusted to check, run on a worker thread
        long[] previous = Deadline.start(TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        try {
            return MailLoader.call(() -> classifyParsed(raw));
        } catch (Deadline.Exceeded e) {
            return timedOut(raw.length);
        } catch (Exception | StackOverflowError e) {
            LOG.debug("Bounce classification failed", e);
            return unknown("the message could not be parsed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + MessageParser.clip(e.getMessage(), 120) + ")"));
        } finally {
            Deadline.end(previous);
        }
    }

    private List<BounceRecord> timedOut(int length) {
        LOG.warn("Bounce classification of a {} byte message took over {} ms and was abandoned", length, timeoutMillis);
        return unknown("classification took longer than " + timeoutMillis
                + " ms (timeoutMillis) and was abandoned; the message is probably malformed");
    }

    /** Runs a contributed rule on a worker thread, waiting at most until the deadline. */
    private RuleOutcome applyContributed(BounceRule rule, BounceMessage m) {
        Future<RuleOutcome> f;
        try {
            f = workers.submit(() -> MailLoader.call(() -> rule.apply(m)));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the classifier is shut down", e);
        }
        try {
            return f.get(Math.max(0, Deadline.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            LOG.warn("Bounce rule {} did not answer before the deadline and was abandoned", rule.name());
            throw new Deadline.Exceeded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new Deadline.Exceeded();
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
        }
    }

    private List<BounceRecord> classifyParsed(byte[] raw) throws Exception {
        ParsedMessage m = parser.parse(raw);
        List<String> problems = new ArrayList<>(m.problems());
        if (!hasBody(raw)) {
            problems.add("truncated: the header block never ends, the message has no body");
        }
        RuleSet set = rules.get();
        for (RuleSet.Entry e : set.entries()) {
            Deadline.check();
            RuleOutcome o;
            try {
                o = set.isBuiltin(e) ? e.rule().apply(m) : applyContributed(e.rule(), m);
            } catch (Deadline.Exceeded ex) {
                throw ex;
            } catch (RuntimeException ex) {
                LOG.warn("Bounce rule {} failed and was skipped: {}", e.rule().name(), ex.toString());
                continue;
            }
            if (o == null || o.declined()) {
                continue;
            }
            if (o.notReport()) {
                return List.of();
            }
            LOG.debug("Bounce rule {} decided", e.rule().name());
            List<BounceRecord> out = new ArrayList<>();
            for (BounceRecord r : o.recordList()) {
                out.add(complete(r, m, problems));
            }
            return List.copyOf(out);
        }
        boolean truncated = problems.stream().anyMatch(p -> p.startsWith("truncated"));
        if (Signals.looksLikeBounce(m)) {
            String why = "looks like a delivery failure report (" + describe(m) + ") but names no failed recipient";
            return unknown(problems.isEmpty() ? why : why + "; " + String.join("; ", problems));
        }
        if (truncated || m.headers().isEmpty()) {
            return unknown(problems.isEmpty() ? "no header fields: not an e-mail message" : String.join("; ", problems));
        }
        return List.of();
    }

    /** Fills what a rule left open: codes from the diagnostic, reason, class, original Message-ID, note. */
    static BounceRecord complete(BounceRecord r, BounceMessage m, List<String> problems) {
        BounceRecord.Builder b = r.toBuilder();
        if (r.recipient() != null) {
            String a = r.recipient().trim().toLowerCase(Locale.ROOT);
            if (a.startsWith("<") && a.endsWith(">")) {
                a = a.substring(1, a.length() - 1);
            }
            b.recipient(a);
        }
        String diagnostic = r.diagnostic();
        String status = r.status() != null ? r.status() : Text.status(diagnostic);
        Integer code = r.replyCode() != null ? r.replyCode() : Text.replyCode(diagnostic);
        b.status(status).replyCode(code);
        BounceReason reason = r.reason();
        BounceClass cls = r.bounceClass();
        if (reason == null) {
            // the rule found the facts only: read them, weighing the SMTP stage and the status
            Reasons.Stage stage = Reasons.stage(diagnostic);
            reason = Reasons.weigh(Reasons.infer(status, code, diagnostic), status, stage);
            cls = Reasons.classOf(reason, status, code, null);
            b.unconfirmed(Reasons.unconfirmed(reason, status, stage));
        } else if ((reason.defaultClass() == BounceClass.HARD || reason == BounceReason.UNDEFINED)
                && Reasons.beforeRecipient(diagnostic)) {
            // refused before any recipient was named: the sending side is refused, not the address
            reason = BounceReason.BLOCKED;
            cls = BounceClass.BLOCKED;
        }
        b.reason(reason);
        if (cls != BounceClass.UNKNOWN && r.bounceClass() == BounceClass.UNKNOWN) {
            b.note(null);
        }
        if (cls == BounceClass.HARD && (status != null && status.startsWith("4") || code != null && code / 100 == 4)) {
            // a temporary failure never proves an address dead
            cls = BounceClass.SOFT;
        }
        b.bounceClass(cls);
        if (r.originalMessageId() == null) {
            b.originalMessageId(m.originalMessageId().orElse(null));
        }
        if (cls == BounceClass.UNKNOWN && r.note() == null) {
            String note = r.recipient() == null ? "the report names no recipient" : "the report gives no cause that can be told";
            if (!problems.isEmpty()) {
                note += "; " + String.join("; ", problems);
            }
            b.note(note);
        }
        return b.build();
    }

    private static String describe(BounceMessage m) {
        if (m.deliveryStatus().isPresent()) {
            return "it has a delivery-status part";
        }
        if (!m.fromAddress().isEmpty() && Signals.fromMailSystem(m)) {
            return "from " + m.fromAddress();
        }
        return "subject \"" + MessageParser.clip(m.subject(), 60) + "\"";
    }

    /** Why the bytes are not an e-mail message at all, or null if they may be one. */
    static String sniff(byte[] raw) {
        int n = Math.min(raw.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = raw[i] & 0xff;
            if (c == 0) {
                return "binary data (NUL bytes at offset " + i + "): not an e-mail message";
            }
            if (c < 32 && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != 0x1b) {
                control++;
            }
        }
        if (control * 20 > n) {
            return "binary data (" + control + " control bytes in the first " + n + "): not an e-mail message";
        }
        // the first line must be a header field (or an mbox "From " line)
        int eol = 0;
        while (eol < n && raw[eol] != '\n' && raw[eol] != '\r') {
            eol++;
        }
        String first = new String(raw, 0, eol, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (first.startsWith("From ") || first.matches("[!-9;-~]{1,76}:.*")) {
            return null;
        }
        return "not an e-mail message: the first line is not a header field ("
                + MessageParser.clip(first.replaceAll("[^\\x20-\\x7e]", "?"), 40) + ")";
    }

    private static boolean hasBody(byte[] raw) {
        int n = raw.length;
        for (int i = 1; i < n; i++) {
            if (raw[i] == '\n' && (raw[i - 1] == '\n' || i >= 2 && raw[i - 1] == '\r' && raw[i - 2] == '\n')) {
                return true;
            }
        }
        return false;
    }

    private static List<BounceRecord> unknown(String note) {
        return List.of(BounceRecord.unknown(note));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
