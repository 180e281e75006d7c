/**
 * Signed subscriber tokens: what every subscriber-facing link (unsubscribe, preferences, tracking,
 * prefilled forms, the envelope sender of a message) carries instead of the e-mail address.
 * {@link org.herald.tokens.TokenService} issues and verifies them.
 */
@Export
@Version("1.1.0")
package org.herald.tokens;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
