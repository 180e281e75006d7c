/**
 * The JSON documents of contact events, defined once for every entry point: the event input of
 * {@code POST /herald/api/v1/events} and of a {@code herald.events.in} message
 * ({@link org.herald.events.json.EventInputJson}), the ingestion report
 * ({@link org.herald.events.json.IngestReportJson}), and the event as published on
 * {@code herald.events} and returned by the timeline ({@link org.herald.events.json.ContactEventJson}).
 * The schema with examples is in {@code docs/events.md}.
 */
@Export
@Version("1.0.0")
package org.herald.events.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
