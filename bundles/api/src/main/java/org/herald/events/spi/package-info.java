/**
 * Extension points of the event log: in-process listeners that receive the log in order
 * (the whiteboard pattern: register a {@link org.herald.events.spi.ContactEventListener} service).
 */
@Export
@Version("1.0.0")
package org.herald.events.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
