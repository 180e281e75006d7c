package org.herald.campaigns.internal.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.herald.store.SettingStore;
import org.herald.tokens.Token;
import org.herald.tokens.TokenPurpose;
import org.herald.tokens.TokenService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Tokens {@code <payload>.<mac>}, both base64url: the payload is a version, the purpose's code, the
 * message id (base 36) and the contact's public id; the mac the first 128 bits of HMAC-SHA256 of the
 * payload under the current secret. Verifying computes the mac under every configured secret and
 * compares each in constant time, whatever matched, so the time does not tell which part was wrong.
 */
@Component(service = TokenService.class, configurationPid = HmacTokens.PID)
@Designate(ocd = TokensConfig.class)
public class HmacTokens implements TokenService {

    public static final String PID = "org.herald.tokens";
    static final String SETTING = "tokens.secret";
    private static final int MAC_BYTES = 16;
    private static final int MAX_LENGTH = 256;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final List<byte[]> secrets;
    /** Keyed by the secret arrays themselves (identity): the component's own, never changed. */
    private final ThreadLocal<java.util.Map<byte[], Mac>> macs = ThreadLocal.withInitial(java.util.IdentityHashMap::new);

    @Activate
    public HmacTokens(@Reference SettingStore settings, TokensConfig config) {
        List<byte[]> keys = new ArrayList<>();
        String secret = config.secret() == null ? "" : config.secret().strip();
        if (secret.isEmpty()) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            secret = settings.setting(SETTING, ENCODER.encodeToString(fresh));
        } else if (secret.length() < 32) {
            throw new IllegalArgumentException("the token secret must have at least 32 characters");
        }
        keys.add(secret.getBytes(StandardCharsets.UTF_8));
        for (String previous : config.previousSecrets()) {
            if (previous != null && !previous.isBlank()) {
                keys.add(previous.strip().getBytes(StandardCharsets.UTF_8));
            }
        }
        this.secrets = List.copyOf(keys);
    }

    @Override
    public String issue(Token token) {
        String payload = token.expiresAt() == null
                ? "1" + token.purpose().code() + Long.toString(token.messageId(), 36) + ":" + token.contactId()
                : "2" + token.purpose().code() + Long.toString(token.messageId(), 36) + "-"
                        + Long.toString(token.expiresAt().getEpochSecond(), 36) + ":" + token.contactId();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(secrets.get(0), 't', bytes));
    }

    @Override
    public Optional<Token> verify(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] given;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            given = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // one spelling per token: base64 ignores the unused low bits of the last character, so without
        // this a token with those bits changed would verify too (a second link doing the same thing)
        if (!canonical(payload, token, 0, dot) | !canonical(given, token, dot + 1, token.length())) {
            return Optional.empty();
        }
        if (!matchesAny('t', payload, given)) {
            return Optional.empty();
        }
        return parse(new String(payload, StandardCharsets.UTF_8));
    }

    private boolean matchesAny(char domain, byte[] data, byte[] given) {
        boolean ok = false;
        for (byte[] secret : secrets) {
            ok |= MessageDigest.isEqual(mac(secret, domain, data), given);
        }
        return ok;
    }

    /** Version 1: {@code 1<purpose><message>:<contact>}; version 2 adds an expiry: {@code 2<purpose><message>-<epoch second>:<contact>}. */
    private static Optional<Token> parse(String payload) {
        if (payload.length() < 4 || (payload.charAt(0) != '1' && payload.charAt(0) != '2')) {
            return Optional.empty();
        }
        TokenPurpose purpose = TokenPurpose.ofCode(payload.charAt(1));
        int colon = payload.indexOf(':');
        if (purpose == null || colon < 3) {
            return Optional.empty();
        }
        try {
            String numbers = payload.substring(2, colon);
            String contact = payload.substring(colon + 1);
            if (payload.charAt(0) == '1') {
                return Optional.of(Token.of(purpose, contact, Long.parseLong(numbers, 36)));
            }
            int dash = numbers.indexOf('-');
            if (dash < 1) {
                return Optional.empty();
            }
            return Optional.of(Token.of(purpose, contact, Long.parseLong(numbers.substring(0, dash), 36))
                    .expiringAt(Instant.ofEpochSecond(Long.parseLong(numbers.substring(dash + 1), 36))));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String sign(String token, String text) {
        return ENCODER.encodeToString(mac(secrets.get(0), 's', bound(token, text)));
    }

    @Override
    public boolean verifySigned(String token, String text, String signature) {
        if (token == null || text == null || signature == null || signature.length() > MAX_LENGTH) {
            return false;
        }
        byte[] given;
        try {
            given = DECODER.decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!canonical(given, signature, 0, signature.length())) {
            return false;
        }
        return matchesAny('s', bound(token, text), given);
    }

    /** Whether {@code text[from, to)} is exactly how {@code bytes} are encoded. */
    private static boolean canonical(byte[] bytes, String text, int from, int to) {
        String encoded = ENCODER.encodeToString(bytes);
        return encoded.length() == to - from && text.startsWith(encoded, from);
    }

    private static byte[] bound(String token, String text) {
        return (token + "\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    /** The truncated HMAC of {@code data} with a one-letter domain, so a token mac never verifies a signature. */
    private byte[] mac(byte[] secret, char domain, byte[] data) {
        // one initialised Mac per thread and secret: looking the algorithm up and initialising the key cost
        // more than the HMAC itself on every page and tracking hit
        Mac mac = macs.get().computeIfAbsent(secret, HmacTokens::newMac);
        mac.update((byte) domain);
        return Arrays.copyOf(mac.doFinal(data), MAC_BYTES);
    }

    private static Mac newMac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
