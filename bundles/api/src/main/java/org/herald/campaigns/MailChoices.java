package org.herald.campaigns;

/**
 * A contact's sending choices: a {@link Frequency} (or {@code null} for no cap) and ONE_MESSAGE,
 * "at most one message a week" chosen at unsubscribe: the first marketing message queued in a
 * Monday–Sunday week goes, later ones that week become OO.
 */
public record MailChoices(Frequency frequency, boolean oneMessageWeekly) {

    public static final MailChoices NONE = new MailChoices(null, false);
}
