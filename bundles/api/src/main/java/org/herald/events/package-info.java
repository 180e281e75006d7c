/**
 * Contact events: everything that happens to or is done by a contact, in one append-only log per
 * installation. {@link org.herald.events.EventService} ingests external events (purchases, carts,
 * page visits, custom types) and reads a contact's timeline; the changes Herald itself makes to a
 * contact (status, fields, tags, lists) are written to the same log in the same transaction as
 * the change. Local consumers read the log through {@link org.herald.events.spi.ContactEventListener}.
 * <p>
 * Types here are values that grow: they are built through their builders (or factories), never
 * through constructors, so adding a property is a compatible (minor) change.
 * <p>
 * 1.1: the message status and mail-choice event types.
 */
@Export
@Version("1.1.0")
package org.herald.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
