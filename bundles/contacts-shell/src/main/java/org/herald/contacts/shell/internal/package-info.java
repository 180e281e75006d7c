/**
 * The contacts domain's {@code herald:} commands: {@code contact-*}, {@code consent-history},
 * {@code field-*}, {@code list-*}, {@code tag-*}, {@code event-add} and {@code contact-timeline} (one
 * sub-package per aggregate) and the completers that need the domain's services. Private to this bundle: Karaf finds them through the
 * {@code Karaf-Commands} header. Installed by the {@code herald-core} feature when the shell is
 * there. How to add a command: see {@link org.herald.shell}.
 */
package org.herald.contacts.shell.internal;
