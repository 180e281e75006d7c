/**
 * Segments: named condition trees over contacts (field values, tags, lists, opt-in status, score and
 * stage, e-commerce figures, behaviour from the event log), optionally inside a parent list, counted
 * and listed by the database; the predefined engagement and RFM segments; engagement shares.
 * Conditions have a JSON form and a textual form (see docs/segments.md); both parse to a
 * {@link org.herald.segments.Condition}.
 */
@Export
@Version("1.0.0")
package org.herald.segments;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
