package org.herald.forms;

import java.time.Instant;

/**
 * One version of a form's consent text, as subscribers saw it: kept for as long as the form exists,
 * so the proof of a consent (the version and the SHA-256 of the text, hex) always names the words.
 */
public record ConsentText(String form, int version, String text, String sha256, Instant created) {
}
