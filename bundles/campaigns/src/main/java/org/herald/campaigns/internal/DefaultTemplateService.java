package org.herald.campaigns.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.herald.campaigns.RenderedMessage;
import org.herald.campaigns.Template;
import org.herald.campaigns.TemplateInput;
import org.herald.campaigns.TemplateService;
import org.herald.common.InUseException;
import org.herald.common.NotFoundException;
import org.herald.common.ValidationException;
import org.herald.store.CampaignStore;
import org.herald.store.TemplateStore;
import org.herald.store.TemplateStore.TemplateRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Templates: checked by compiling when saved, rendered through the sandboxed {@link Templates}. */
@Component(service = {TemplateService.class, DefaultTemplateService.class})
public class DefaultTemplateService implements TemplateService {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final TemplateStore store;
    private final CampaignStore campaigns;
    private final Templates templates = new Templates();

    @Activate
    public DefaultTemplateService(@Reference TemplateStore store, @Reference CampaignStore campaigns) {
        this.store = store;
        this.campaigns = campaigns;
    }

    static String checkName(String field, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException(field, name, field + " must be 1-64 lowercase letters, digits, '-' or '_', "
                    + "starting with a letter or digit");
        }
        return name;
    }

    @Override
    public Template save(String name, TemplateInput input) {
        checkName("name", name);
        if (input.subject() == null || input.subject().isBlank()) {
            throw new ValidationException("subject", input.subject(), "a template needs a subject");
        }
        if ((input.html() == null || input.html().isBlank()) && (input.text() == null || input.text().isBlank())) {
            throw new ValidationException("html", null, "a template needs an HTML or a text part");
        }
        templates.compile(input.subject(), blankToNull(input.html()), blankToNull(input.text()));
        Instant now = Instant.now();
        TemplateRecord saved = store.save(new TemplateRecord(name, input.subject(), blankToNull(input.html()),
                blankToNull(input.text()), now, now));
        return toTemplate(saved);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public Template get(String name) {
        return toTemplate(record(name));
    }

    /** The template of this name, if there is one. */
    java.util.Optional<TemplateRecord> find(String name) {
        return store.find(name);
    }

    TemplateRecord record(String name) {
        return store.find(name).orElseThrow(() -> new NotFoundException("template '" + name + "' does not exist"));
    }

    @Override
    public List<Template> list() {
        return store.list().stream().map(DefaultTemplateService::toTemplate).toList();
    }

    @Override
    public void delete(String name) {
        List<String> users = campaigns.usingTemplate(name);
        if (!users.isEmpty()) {
            throw new InUseException("template '" + name + "' is used by campaign(s) " + String.join(", ", users), users);
        }
        if (!store.delete(name)) {
            throw new NotFoundException("template '" + name + "' does not exist");
        }
    }

    @Override
    public RenderedMessage render(String name, Map<String, Object> values) {
        TemplateRecord t = record(name);
        try {
            return templates.render(compiled(t), values);
        } catch (Templates.RenderException e) {
            throw new ValidationException("template", name, "template '" + name + "' cannot be rendered: " + e.getMessage());
        }
    }

    /** The compiled template, cached by name and last change. */
    Templates.Compiled compiled(TemplateRecord t) {
        return templates.compiled(t.name() + "@" + t.updated().toEpochMilli() + "." + t.updated().getNano(), t.subject(),
                t.html(), t.text());
    }

    Templates templates() {
        return templates;
    }

    static Template toTemplate(TemplateRecord r) {
        return new Template(r.name(), r.subject(), r.html(), r.text(), r.created(), r.updated());
    }
}
