package org.herald.pages.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.herald.pages.FormBody;
import org.herald.pages.FormException;
import org.herald.pages.Pages;
import org.herald.preferences.RequestProof;
import org.herald.tokens.TokenService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * The page kit. Templates: a Pebble engine per contributing bundle (its class loader first, then
 * the kit's, so every page finds {@code layout}), auto-escaping HTML, compiled once. Texts: the
 * properties {@code pages/texts_<lang>.properties} of the kit, read as UTF-8, each language over
 * English. CSRF: {@code <issued epoch second, base 36>.<signature>}, the signature made by the
 * {@link TokenService} over the page token and the issue time.
 */
// Two PIDs merged into one typed configuration (no @Designate: metatype names one PID): the base URL
// where links are made (org.herald.campaigns) and the pages' own settings.
@Component(service = Pages.class, configurationPid = {"org.herald.campaigns", DefaultPages.PID})
public class DefaultPages implements Pages {

    public static final String PID = "org.herald.pages";
    static final List<String> LANGUAGES = List.of("en", "et", "pl");
    private static final Pattern COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    private final TokenService tokens;
    private final PagesConfig config;
    private final Map<String, Map<String, String>> texts;
    private final Map<String, Object> brand;
    private final Map<ClassLoader, PebbleEngine> engines = Collections.synchronizedMap(new WeakHashMap<>());

    @Activate
    public DefaultPages(@Reference TokenService tokens, PagesConfig config) {
        this.tokens = tokens;
        this.config = config;
        if (!COLOR.matcher(config.accentColor()).matches()) {
            throw new IllegalArgumentException("accentColor must be #rgb or #rrggbb, not '" + config.accentColor() + "'");
        }
        this.brand = brand(config);
        Map<String, String> english = load("en");
        Map<String, Map<String, String>> all = new HashMap<>();
        for (String lang : LANGUAGES) {
            Map<String, String> t = new HashMap<>(english);
            t.putAll(load(lang));
            all.put(lang, Map.copyOf(t));
        }
        this.texts = Map.copyOf(all);
    }

    private static Map<String, Object> brand(PagesConfig config) {
        Map<String, Object> b = new HashMap<>();
        b.put("organization", config.organization());
        b.put("color", config.accentColor());
        b.put("logo", safeUrl(config.logoUrl(), "logoUrl"));
        b.put("privacy", safeUrl(config.privacyPolicyUrl(), "privacyPolicyUrl"));
        return Collections.unmodifiableMap(b);
    }

    /** Only http(s) URLs reach an attribute of a page; anything else is a configuration error. */
    private static String safeUrl(String url, String name) {
        if (url == null || url.isBlank()) {
            return "";
        }
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException(name + " must be an http(s) URL, not '" + url + "'");
        }
        return uri.toString();
    }

    private static Map<String, String> load(String lang) {
        Properties p = new Properties();
        try (InputStream in = DefaultPages.class.getClassLoader().getResourceAsStream("pages/texts_" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("the texts of language " + lang + " are missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the texts of language " + lang, e);
        }
        Map<String, String> m = new HashMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return m;
    }

    @Override
    public Set<String> languages() {
        return new LinkedHashSet<>(LANGUAGES);
    }

    @Override
    public String language(String preferred) {
        if (preferred == null || preferred.isBlank()) {
            return "en";
        }
        String lang = preferred.strip().toLowerCase(Locale.ROOT);
        int cut = lang.indexOf('-') >= 0 ? lang.indexOf('-') : lang.indexOf('_');
        if (cut > 0) {
            lang = lang.substring(0, cut);
        }
        return LANGUAGES.contains(lang) ? lang : "en";
    }

    @Override
    public String text(String language, String key) {
        Map<String, String> t = texts.getOrDefault(language(language), texts.get("en"));
        return t.getOrDefault(key, key);
    }

    @Override
    public void render(HttpServletResponse response, int status, Class<?> owner, String template, String language,
            Map<String, Object> model) throws IOException {
        String lang = language(language);
        Map<String, Object> context = new LinkedHashMap<>(model);
        context.put("t", texts.get(lang));
        context.put("lang", lang);
        context.put("brand", brand);
        PebbleTemplate page = engine(owner.getClassLoader()).getTemplate(template);
        Writer out = new StringWriter(4096);
        page.evaluate(out, context, Locale.forLanguageTag(lang));
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", lang);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private PebbleEngine engine(ClassLoader owner) {
        return engines.computeIfAbsent(owner, o -> {
            List<Loader<?>> loaders = new ArrayList<>();
            loaders.add(loader(o));
            if (o != DefaultPages.class.getClassLoader()) {
                loaders.add(loader(DefaultPages.class.getClassLoader()));
            }
            return new PebbleEngine.Builder().loader(new DelegatingLoader(loaders)).autoEscaping(true)
                    .strictVariables(false).newLineTrimming(true).cacheActive(true).build();
        });
    }

    private static ClasspathLoader loader(ClassLoader classLoader) {
        ClasspathLoader l = new ClasspathLoader(classLoader);
        l.setPrefix("pages");
        l.setSuffix(".peb");
        return l;
    }

    @Override
    public String csrf(String pageToken) {
        String issued = Long.toString(Instant.now().getEpochSecond(), 36);
        return issued + "." + tokens.sign(pageToken, "csrf:" + issued);
    }

    @Override
    public boolean csrfValid(String pageToken, String value) {
        if (pageToken == null || value == null || value.length() > 200) {
            return false;
        }
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String issued = value.substring(0, dot);
        long at;
        try {
            at = Long.parseLong(issued, 36);
        } catch (NumberFormatException e) {
            return false;
        }
        long now = Instant.now().getEpochSecond();
        boolean fresh = at <= now + 60 && now - at <= config.csrfMinutes() * 60L;
        boolean genuine = tokens.verifySigned(pageToken, "csrf:" + issued, value.substring(dot + 1));
        return fresh && genuine;
    }

    @Override
    public FormBody readForm(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new FormException(415, "a form post must be application/x-www-form-urlencoded");
        }
        int max = config.maxFormBytes();
        if (request.getContentLengthLong() > max) {
            throw new FormException(413, "the form is larger than " + max + " bytes");
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.min(max, 2048));
        byte[] chunk = new byte[2048];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (buffer.size() + n > max) {
                    throw new FormException(413, "the form is larger than " + max + " bytes");
                }
                buffer.write(chunk, 0, n);
            }
        }
        return parse(buffer.toByteArray());
    }

    /** Parses urlencoded bytes; refuses bytes that are not UTF-8 after decoding. */
    static FormBody parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new FormException(400, "the form is not UTF-8");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return new FormBody(values);
        }
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new FormBody(values);
    }

    private static String decode(String s) {
        try {
            byte[] raw = URLDecoder.decode(s, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new FormException(400, "the form is not properly encoded");
        }
    }

    @Override
    public RequestProof proof(HttpServletRequest request) {
        String ua = request.getHeader("User-Agent");
        return new RequestProof(request.getRemoteAddr(), ua == null ? null : ua.length() > 1000 ? ua.substring(0, 1000) : ua);
    }

    @Override
    public String baseUrl() {
        return config.baseUrl();
    }
}
