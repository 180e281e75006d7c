/**
 * The storage SPI between the domain bundles and {@code bundles/store}: records as stored, the
 * single-contact write, the bulk path used by imports and exports, and the storage errors the
 * domain reacts to. Nothing here mentions JPA or SQL; the store bundle is the only implementation
 * and the only bundle that touches JDBC or JPA. The domain rules (validation, opt-in transitions,
 * suppression) live in the callers: the store persists what it is given, atomically.
 */
@Export
@Version("1.0.0")
package org.herald.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
