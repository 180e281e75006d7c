package org.herald.campaigns;

import java.time.Instant;

/**
 * A message template: subject, HTML and text parts in Pebble syntax (merge tags such as
 * {@code {{ firstname | default("friend") }}}, {@code {{ unsubscribe_url }}}); {@code text} may be
 * {@code null}, the text part is then made from the HTML.
 */
public record Template(String name, String subject, String html, String text, Instant created, Instant updated) {
}
