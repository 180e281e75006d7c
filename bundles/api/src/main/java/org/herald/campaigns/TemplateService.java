package org.herald.campaigns;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Templates: kept by name, checked when saved (a syntax error is refused naming the part and line),
 * rendered in a sandbox: a template sees only the merge values it is given, never the environment,
 * files or Java objects.
 */
@ProviderType
public interface TemplateService {

    /** Creates or replaces the template {@code name}. */
    Template save(String name, TemplateInput input);

    Template get(String name);

    List<Template> list();

    /** Deletes the template; refused while a campaign that is not final uses it. */
    void delete(String name);

    /** Renders the template with these merge values (tests, previews). */
    RenderedMessage render(String name, Map<String, Object> values);
}
