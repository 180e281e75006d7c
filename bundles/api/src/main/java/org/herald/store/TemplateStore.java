package org.herald.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Message templates (a definition aggregate). */
@ProviderType
public interface TemplateStore {

    record TemplateRecord(String name, String subject, String html, String text, Instant created, Instant updated) {
    }

    /** Creates or replaces the template {@code name}. */
    TemplateRecord save(TemplateRecord template);

    Optional<TemplateRecord> find(String name);

    List<TemplateRecord> list();

    /** Deletes the template; false when there was none. */
    boolean delete(String name);
}
