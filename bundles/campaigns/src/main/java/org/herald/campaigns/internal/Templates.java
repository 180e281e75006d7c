package org.herald.campaigns.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.herald.campaigns.RenderedMessage;
import org.herald.common.ValidationException;
import org.unbescape.html.HtmlEscape;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * The template engine (Pebble), sandboxed: templates see only the map of merge values they are
 * given; every Java method call is refused (so no {@code getClass()} or reflection), and the loader
 * finds nothing (no {@code include}/{@code import} of files). HTML parts are auto-escaped, text parts
 * and subjects are not. Compiled templates are cached by name and last change.
 */
public final class Templates {

    /** A template compiled once: subject, HTML and text parts. */
    public record Compiled(PebbleTemplate subject, PebbleTemplate html, PebbleTemplate text) {
    }

    private final PebbleEngine html;
    private final PebbleEngine plain;
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    public Templates() {
        this.html = engine(true);
        this.plain = engine(false);
    }

    private static PebbleEngine engine(boolean escape) {
        return new PebbleEngine.Builder()
                .loader(new DelegatingLoader(List.of()))
                .methodAccessValidator((object, method) -> false)
                .autoEscaping(escape)
                .strictVariables(false)
                .cacheActive(false)
                .newLineTrimming(false)
                .build();
    }

    /** Compiles the parts, refusing a syntax error with the part and line. */
    public Compiled compile(String subject, String htmlPart, String textPart) {
        PebbleTemplate htmlTemplate = htmlPart == null ? null : compile("html", html, htmlPart);
        PebbleTemplate textTemplate = textPart == null ? null : compile("text", plain, textPart);
        if (textTemplate == null && htmlPart != null) {
            // The text part is made from the template's HTML once, not from each rendered message: the
            // conversion costs ten times the rendering. Merge tags pass through it unchanged.
            try {
                textTemplate = plain.getLiteralTemplate(textOf(htmlPart));
            } catch (RuntimeException e) {
                textTemplate = null; // then it is made from each rendered HTML part
            }
        }
        return new Compiled(compile("subject", plain, subject), htmlTemplate, textTemplate);
    }

    /** The compiled template of this name and version, compiling it the first time. */
    public Compiled compiled(String key, String subject, String htmlPart, String textPart) {
        return cache.computeIfAbsent(key, k -> {
            if (cache.size() > 1000) {
                cache.clear();
            }
            return compile(subject, htmlPart, textPart);
        });
    }

    private static PebbleTemplate compile(String part, PebbleEngine engine, String source) {
        try {
            return engine.getLiteralTemplate(source);
        } catch (PebbleException e) {
            throw new ValidationException(part, null, "the " + part + " does not compile (line " + e.getLineNumber()
                    + "): " + e.getPebbleMessage());
        } catch (RuntimeException e) {
            throw new ValidationException(part, null, "the " + part + " does not compile: " + e.getMessage());
        }
    }

    /**
     * Renders for one contact. A failure (a refused method, a bad filter argument) is a
     * {@link RenderException}: that message is TE, the campaign goes on.
     */
    public RenderedMessage render(Compiled c, Map<String, Object> values) {
        String subject = evaluate(c.subject(), values).strip().replaceAll("[\\r\\n]+", " ");
        String htmlOut = c.html() == null ? null : evaluate(c.html(), values);
        String textOut = c.text() != null ? evaluate(c.text(), values) : htmlOut == null ? null : textOf(htmlOut);
        return new RenderedMessage(subject, htmlOut, textOut);
    }

    private static String evaluate(PebbleTemplate t, Map<String, Object> values) {
        StringWriter w = new StringWriter(4096);
        try {
            t.evaluate(w, values);
        } catch (IOException | RuntimeException e) {
            throw new RenderException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
        return w.toString();
    }

    /** A template that compiled but could not be rendered for one contact. */
    public static final class RenderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RenderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Pattern DROP = Pattern.compile("(?is)<(head|style|script|title)\\b.*?</\\1\\s*>");
    private static final Pattern LINK = Pattern.compile("(?is)<a\\b[^>]*?href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|h[1-6]|tr|table|ul|ol|blockquote)\\s*>");
    private static final Pattern ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    /** A readable text part from HTML: links as "text (url)", blocks as paragraphs, entities decoded. */
    public static String textOf(String htmlText) {
        String s = DROP.matcher(htmlText).replaceAll("");
        Matcher m = LINK.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String label = TAG.matcher(m.group(2)).replaceAll("").strip();
            String url = m.group(1).strip();
            String replacement = label.isEmpty() || HtmlEscape.unescapeHtml(label).equals(HtmlEscape.unescapeHtml(url))
                    ? url : label + " (" + url + ")";
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        s = BREAK.matcher(sb).replaceAll("\n");
        s = BLOCK_END.matcher(s).replaceAll("\n\n");
        s = ITEM.matcher(s).replaceAll("\n- ");
        s = TAG.matcher(s).replaceAll("");
        s = HtmlEscape.unescapeHtml(s);
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : s.split("\n", -1)) {
            String l = line.replaceAll("[ \\t\\u00a0]+", " ").strip();
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            out.append(l);
        }
        return out.append('\n').toString();
    }
}
