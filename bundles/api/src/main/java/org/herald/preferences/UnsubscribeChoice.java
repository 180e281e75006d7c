package org.herald.preferences;

/** What a subscriber chose on the unsubscribe page. */
public enum UnsubscribeChoice {
    /** Leave the communication type the message was sent for (its lists), or the one the link names. */
    LIST,
    /** No marketing mail at all: the opt-in status becomes UNSUBSCRIBED. */
    ALL,
    /** Stay, but get at most one marketing message a Monday–Sunday week (source ONE_MESSAGE). */
    ONE_A_WEEK
}
