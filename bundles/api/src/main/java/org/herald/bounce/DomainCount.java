package org.herald.bounce;

/**
 * A number of bounces counted for one domain (blocked reports per sending domain).
 *
 * @param domain the domain, {@code unknown} when the report did not tell
 * @param count how many
 * @since 1.2
 */
public record DomainCount(String domain, long count) {
}
