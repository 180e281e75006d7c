/**
 * Bounce, complaint and auto-reply classification. {@link org.herald.bounce.BounceClassifier} reads
 * one received message and says, per recipient, what happened and what Herald does about it
 * ({@link org.herald.bounce.BounceClass}). The mailbox and webhook routes act on its answer.
 */
@Export
@Version("1.1.0")
package org.herald.bounce;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
