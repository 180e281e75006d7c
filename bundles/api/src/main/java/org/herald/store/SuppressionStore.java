package org.herald.store;

import java.util.Collection;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** Hashes of erased addresses, which admin channels may not add again (see {@link ContactStore#erase}). */
@ProviderType
public interface SuppressionStore {

    boolean isSuppressed(String suppressionHash);

    /** Of the given hashes, those in the suppression table (one query per chunk). */
    Set<String> suppressed(Collection<String> suppressionHashes);

    void liftSuppression(String suppressionHash);
}
