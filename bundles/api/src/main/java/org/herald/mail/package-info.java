/**
 * Jakarta Mail plumbing shared by every Herald bundle that parses or sends MIME.
 */
@Export
@Version("1.0.0")
package org.herald.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
