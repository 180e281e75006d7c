/**
 * The subscriber's side of Herald: the preference center, unsubscribe (with RFC 8058 one-click) and
 * double opt-in confirmation, as services the public pages (and the bounce mailbox's mailto
 * unsubscribe) call with the signed token of a link. See {@link org.herald.preferences.SubscriberService}.
 */
@Export
@Version("1.0.0")
package org.herald.preferences;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
