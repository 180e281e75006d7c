package org.herald.forms.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A CAPTCHA that every form post must pass before Herald looks at it. Herald ships {@code none}
 * (the default) and {@code pow}, a self-hosted proof of work; an extension registers another under
 * its {@link #name()} and PID {@code org.herald.routes.forms} names the one in use. A solved
 * challenge is good for one post only: the check must refuse a token it has accepted before.
 */
@ConsumerType
public interface CaptchaCheck {

    /** The name the configuration selects this check by. */
    String name();

    /**
     * What a page needs to show the challenge (sent as JSON from
     * {@code GET /herald/forms/{form}/captcha}); the value of {@code field} in the post carries the answer.
     */
    Map<String, Object> challenge(String form);

    /** The post field the answer comes in. */
    default String field() {
        return "captcha";
    }

    /** Whether {@code answer} (null when the post had none) solves a challenge of this form, once. */
    boolean verify(String form, String answer, String ip);
}
