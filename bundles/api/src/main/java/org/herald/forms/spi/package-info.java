/**
 * Service interfaces an extension bundle implements for subscription forms: the CAPTCHA check
 * ({@link org.herald.forms.spi.CaptchaCheck}).
 */
@Export
@Version("1.0.0")
package org.herald.forms.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
