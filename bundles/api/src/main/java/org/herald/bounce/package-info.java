/**
 * Bounce, complaint and auto-reply classification and processing.
 * {@link org.herald.bounce.BounceClassifier} reads one received message and says, per recipient, what
 * happened and what Herald does about it ({@link org.herald.bounce.BounceClass}).
 * {@link org.herald.bounce.BounceProcessor} (1.2) acts on that answer: it matches the report to the
 * message and contact it is about, applies the effects, records the bounce and quarantines what it
 * cannot act on; the mailbox route, the webhooks, the console and REST go through it.
 * Since 1.2 a HARD {@link org.herald.bounce.BounceRecord} also says whether it is
 * {@linkplain org.herald.bounce.BounceRecord#unconfirmed() unconfirmed} (words alone, no confirming evidence).
 */
@Export
@Version("1.2.0")
package org.herald.bounce;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
