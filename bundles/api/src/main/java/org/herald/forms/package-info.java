/**
 * Subscription forms: what an admin defines ({@link org.herald.forms.Form}, {@link org.herald.forms.FormInput}),
 * the post a website sends ({@link org.herald.forms.FormPost}) and what Herald answers
 * ({@link org.herald.forms.FormResult}), through {@link org.herald.forms.FormService}. The HTTP entry point
 * ({@code POST /herald/forms/{form}}) and its Camel route live in {@code camel-routes/forms}; the CAPTCHA
 * check is an SPI ({@link org.herald.forms.spi.CaptchaCheck}).
 */
@Export
@Version("1.0.0")
package org.herald.forms;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
