package org.herald.campaigns;

/**
 * One variant of an A/B test: its name (A, B, …) and what it changes, the template and/or the subject
 * (null: the campaign's own).
 */
public record AbVariant(String name, String template, String subject) {
}
