package org.herald.campaigns;

/**
 * How often a contact wants marketing mail, enforced as a cap when a message is sent: daily at most
 * one a day, weekly at most one per Monday–Sunday week, every two weeks at most one per 14 days,
 * quarterly at most one per calendar quarter. No choice means no cap.
 */
public enum Frequency {
    DAILY, WEEKLY, BIWEEKLY, QUARTERLY
}
