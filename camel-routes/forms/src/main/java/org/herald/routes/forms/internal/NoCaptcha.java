package org.herald.routes.forms.internal;

import java.util.Map;

import org.herald.forms.spi.CaptchaCheck;
import org.osgi.service.component.annotations.Component;

/** The default: no CAPTCHA (the honeypot and the rate limits still apply). */
@Component(service = CaptchaCheck.class)
public class NoCaptcha implements CaptchaCheck {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public Map<String, Object> challenge(String form) {
        return Map.of("type", "none");
    }

    @Override
    public boolean verify(String form, String answer, String ip) {
        return true;
    }
}
