/**
 * Types shared by every Herald service: the exception family that interfaces map to user-facing
 * errors (console messages, HTTP status codes) and paging. The exceptions come in two families:
 * {@link org.herald.common.RejectedException} (the input is wrong: report it, never retry) and
 * {@link org.herald.common.TransientException} (try again later: retry, never blame the input).
 * 1.1 added both families as supertypes of the existing exceptions.
 */
@Export
@Version("1.1.0")
package org.herald.common;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
