/**
 * The JSON wire shapes of contacts, defined once for every entry point that receives them (REST
 * {@code POST}/{@code PATCH /contacts}, the {@code herald.contacts.in} queue). Read them with
 * {@link org.herald.json.HeraldJson}'s mapper; they hold no transport types.
 */
@Export
@Version("1.0.0")
package org.herald.contacts.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
