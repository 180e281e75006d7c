/**
 * The one JSON configuration of Herald. Every bundle that reads or writes JSON (the REST API, the
 * console, the Camel routes, exports, bounce classification) takes its Jackson mapper from
 * {@link org.herald.json.HeraldJson}, so a document means the same thing on every interface, and
 * describes unreadable JSON with {@link org.herald.json.JsonProblem}, so every interface refuses it
 * with the same words.
 */
@Export
@Version("1.0.0")
package org.herald.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
