package org.herald.store;

/** A contact without its values: enough to attach events to it. */
public record ContactRef(long key, String id, String emailKey, boolean monitored, boolean deleted) {
}
