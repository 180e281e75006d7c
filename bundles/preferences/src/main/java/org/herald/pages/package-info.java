/**
 * The kit every public page of Herald is rendered with (preference center, unsubscribe,
 * confirmation, forms): Pebble templates with HTML escaping, found in the contributing bundle and
 * then in the kit (whose {@code layout} every page extends), the subscriber texts per language,
 * stateless CSRF tokens bound to the page's signed link, bounded form bodies and the proof of a
 * request. See {@link org.herald.pages.Pages}.
 */
@Export
@Version("1.0.0")
package org.herald.pages;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
