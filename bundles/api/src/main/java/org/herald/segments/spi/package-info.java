/**
 * SPI for condition kinds: an extension bundle registers a {@link org.herald.segments.spi.ConditionKind}
 * service to add a kind of condition, with its JSON form, its textual form and its SQL.
 */
@Export
@Version("1.0.0")
package org.herald.segments.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
