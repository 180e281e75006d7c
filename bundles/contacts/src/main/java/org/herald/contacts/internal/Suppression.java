package org.herald.contacts.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.herald.common.ConflictException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ConsentSource;
import org.herald.store.SettingStore;
import org.herald.store.SuppressionStore;

/**
 * The suppression list of erased addresses: keyed hashes (HMAC-SHA256 with an installation salt
 * generated once and kept in the settings table) of uniqueness keys, and the one rule about them:
 * admin channels (console, REST, queue, import) refuse an erased address, the contact's own form
 * subscription lifts the suppression.
 */
final class Suppression {

    static final String ERASED = "erased at the contact's request; it can only subscribe again through a form";

    private final SuppressionStore store;
    private final byte[] salt;
    /** Mac instances are not thread-safe and costly to look up: one per thread. */
    private final ThreadLocal<Mac> macs;

    Suppression(SuppressionStore store, SettingStore settings) {
        this.store = store;
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        this.salt = Base64.getDecoder().decode(settings.setting("suppression.salt", Base64.getEncoder().encodeToString(fresh)));
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    String hash(String emailKey) {
        return HexFormat.of().formatHex(macs.get().doFinal(emailKey.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether a suppressed address may be used by this change: lifts it for the contact's own form. */
    boolean admit(String emailKey, ChangeContext context) {
        String hash = hash(emailKey);
        if (!store.isSuppressed(hash)) {
            return true;
        }
        if (context.source() == ConsentSource.FORM) {
            store.liftSuppression(hash);
            return true;
        }
        return false;
    }

    static ConflictException refused(String email) {
        return new ConflictException("the address " + email + " was " + ERASED);
    }
}
