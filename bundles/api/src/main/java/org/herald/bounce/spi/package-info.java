/**
 * SPI for bounce rules. A bundle that knows a mail system's dialect (an enterprise relay, a
 * provider Herald does not know yet) registers a {@link org.herald.bounce.spi.BounceRule} service;
 * the classifier offers every parsed message to the rules in ranking order. Herald's own MTA
 * dialects are rules on this same SPI.
 */
@Export
@Version("1.0.0")
package org.herald.bounce.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
