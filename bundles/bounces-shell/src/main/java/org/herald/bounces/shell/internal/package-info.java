/**
 * The bounces domain's {@code herald:} commands ({@code bounce-classify}). Private to this bundle:
 * Karaf finds them through the {@code Karaf-Commands} header. Installed by the
 * {@code herald-bounces} feature when the shell is there. How to add a command: see
 * {@link org.herald.shell}.
 */
package org.herald.bounces.shell.internal;
