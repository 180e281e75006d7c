/**
 * Completers every command bundle can name in {@code @Completion}: {@link PathCompleter} (file
 * names from the shell's working directory) and {@link FreeTextCompleter} (new names), and
 * {@link Completers#typed} for writing a domain's own completers. This bundle registers the two
 * completers with Karaf's shell (its {@code Karaf-Commands} header); Karaf finds a completer by class
 * in the shell's registry, whichever bundle registered it. A completer that needs a domain service
 * belongs in that domain's command bundle.
 */
@Export
@Version("1.0.0")
package org.herald.shell.completers;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
