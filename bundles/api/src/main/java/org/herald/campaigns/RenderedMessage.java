package org.herald.campaigns;

/** A template rendered for one contact (a preview or a message about to go). */
public record RenderedMessage(String subject, String html, String text) {
}
