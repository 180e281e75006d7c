/**
 * Jakarta Mail plumbing shared by every Herald bundle that parses or sends MIME
 * ({@link org.herald.mail.MailContext}), and the outbound boundary between the bundles that decide
 * what to send (campaigns, later automations) and the transport that delivers it:
 * {@link org.herald.mail.OutboundSource} hands out rendered {@link org.herald.mail.OutboundMessage}s
 * and takes back a {@link org.herald.mail.DeliveryResult} for each.
 * <p>
 * 1.1: the outbound types.
 */
@Export
@Version("1.1.0")
package org.herald.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
