/**
 * Types shared by every Herald service: the exception family that interfaces map to user-facing
 * errors (console messages, HTTP status codes) and paging.
 */
@Export
@Version("1.0.0")
package org.herald.common;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
