package org.herald.routes.forms.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.herald.forms.spi.CaptchaCheck;
import org.herald.store.FormStore;
import org.herald.store.SettingStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A self-hosted proof of work (no third party sees the subscriber): Herald hands out a signed
 * challenge {@code v1.<random>.<expiry>.<bits>.<form>.<signature>}; the browser finds a nonce such
 * that SHA-256 of {@code <challenge>:<nonce>} starts with {@code bits} zero bits and posts
 * {@code <challenge>:<nonce>}. Checking costs one hash and one HMAC; the challenge's random part is
 * registered in the database when accepted, so an answer is good for one post on any node. The
 * signing key is generated once per installation and kept in the settings table.
 */
@Component(service = CaptchaCheck.class, configurationPid = "org.herald.routes.forms")
public class PowCaptcha implements CaptchaCheck {

    private static final Pattern ANSWER = Pattern.compile(
            "v1\\.([A-Za-z0-9_-]{22})\\.([0-9]{1,12})\\.([0-9]{1,2})\\.([a-z0-9-]{1,64})\\.([A-Za-z0-9_-]{43}):([0-9]{1,20})");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final FormStore store;
    private final byte[] key;
    private final int bits;
    private final int minutes;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public PowCaptcha(@Reference FormStore store, @Reference SettingStore settings, FormsRouteConfig config) {
        this.store = store;
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        this.key = Base64.getDecoder().decode(settings.setting("forms.pow.key", Base64.getEncoder().encodeToString(fresh)));
        this.bits = Math.max(1, Math.min(30, config.powBits()));
        this.minutes = Math.max(1, config.powMinutes());
    }

    @Override
    public String name() {
        return "pow";
    }

    @Override
    public Map<String, Object> challenge(String form) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String body = "v1." + B64.encodeToString(nonce) + "." + Instant.now().plusSeconds(60L * minutes).getEpochSecond() + "."
                + bits + "." + form;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "pow");
        out.put("challenge", body + "." + sign(body));
        out.put("bits", bits);
        out.put("algorithm", "SHA-256");
        out.put("answer", "<challenge>:<nonce>, where SHA-256(<challenge>:<nonce>) starts with <bits> zero bits");
        return out;
    }

    @Override
    public boolean verify(String form, String answer, String ip) {
        if (answer == null) {
            return false;
        }
        var m = ANSWER.matcher(answer);
        if (!m.matches() || !m.group(4).equals(form)) {
            return false;
        }
        String body = "v1." + m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                m.group(5).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        long expires = Long.parseLong(m.group(2));
        if (Instant.now().getEpochSecond() > expires || Integer.parseInt(m.group(3)) < bits) {
            return false;
        }
        if (leadingZeroBits(answer) < Integer.parseInt(m.group(3))) {
            return false;
        }
        return store.useOnce("pow:" + m.group(1), Instant.ofEpochSecond(expires));
    }

    /** The leading zero bits of SHA-256 of {@code text} (UTF-8). */
    static int leadingZeroBits(String text) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        int n = 0;
        for (byte b : h) {
            if (b == 0) {
                n += 8;
                continue;
            }
            n += Integer.numberOfLeadingZeros(b & 0xff) - 24;
            break;
        }
        return n;
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
