/**
 * How a bundle contributes to Herald's public web application: the subscriber-facing pages and
 * endpoints under {@code /herald} (preference center, unsubscribe, confirmation, forms, tracking,
 * the anonymous health check) that answer without a login, in an HTTP Whiteboard servlet context
 * of their own. See {@link org.herald.rest.web.PublicWeb}.
 */
@Export
@Version("1.0.0")
package org.herald.rest.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
