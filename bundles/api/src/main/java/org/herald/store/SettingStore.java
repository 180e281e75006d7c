package org.herald.store;

import org.osgi.annotation.versioning.ProviderType;

/** Installation-wide values kept in the database (salts, generations), shared by every node. */
@ProviderType
public interface SettingStore {

    /**
     * The setting's value; when absent, stores {@code initial} first. Safe when several nodes race:
     * all of them get the value stored first.
     */
    String setting(String name, String initial);
}
