/**
 * Contacts: one per e-mail address, with custom fields, tags, list memberships and the consent
 * ledger. {@link org.herald.contacts.ContactService} is the entry point every interface (console,
 * REST, queue, import) goes through, so the same rules apply everywhere.
 */
@Export
@Version("1.5.0")
package org.herald.contacts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
