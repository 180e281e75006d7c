package org.herald.contacts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.herald.common.ConflictException;
import org.herald.common.NotFoundException;
import org.herald.common.ValidationException;
import org.herald.contacts.Choice;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;
import org.herald.contacts.FieldType;
import org.herald.store.FieldStore;
import org.herald.store.FieldRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Custom field definitions: name rules, choices with translations, order and visibility. */
@Component(service = FieldService.class)
public class DefaultFieldService implements FieldService {

    private final FieldStore store;

    @Activate
    public DefaultFieldService(@Reference FieldStore store) {
        this.store = store;
    }

    @Override
    public FieldDefinition create(String name, FieldType type, String label, List<Choice> choices) {
        if (type == null) {
            throw new ValidationException("type", null, "a field needs a type: text, number, decimal, date, boolean, "
                    + "choice, multichoice or phone");
        }
        if (FieldValues.isSystem(name)) {
            throw new ValidationException("name", name, "field name '" + name + "' is a reserved system value");
        }
        Names.fieldName(name);
        List<Choice> checked = choices(name, type, choices);
        if (store.fields().stream().anyMatch(f -> f.name().equals(name))) {
            throw new ConflictException("field '" + name + "' already exists");
        }
        int position = store.fields().stream().mapToInt(FieldRecord::position).max().orElse(0) + 1;
        String text = label == null || label.isBlank() ? name : label.strip();
        return toDefinition(store.createField(new FieldRecord(name, type, text, position, true, checked, Instant.now())));
    }

    private static List<Choice> choices(String name, FieldType type, List<Choice> choices) {
        List<Choice> given = choices == null ? List.of() : choices;
        if (!type.hasChoices()) {
            if (!given.isEmpty()) {
                throw new ValidationException("choices", null, "field '" + name + "' is " + type.id()
                        + ": only choice and multichoice fields have choices");
            }
            return List.of();
        }
        if (given.isEmpty()) {
            throw new ValidationException("choices", null, "field '" + name + "' is " + type.id()
                    + ": give at least one choice value");
        }
        Set<String> seen = new HashSet<>();
        List<Choice> result = new ArrayList<>();
        for (Choice c : given) {
            String v = c.value() == null ? "" : c.value().strip();
            if (v.isEmpty() || v.length() > 255 || v.contains("|")) {
                throw new ValidationException("choices", c.value(), "choice '" + c.value() + "' of field '" + name
                        + "' is not valid: 1-255 characters without '|'");
            }
            if (!seen.add(v.toLowerCase(java.util.Locale.ROOT))) {
                throw new ValidationException("choices", v, "choice '" + v + "' of field '" + name + "' is given twice");
            }
            c.labels().keySet().forEach(Names::language);
            result.add(new Choice(v, c.labels()));
        }
        return result;
    }

    @Override
    public List<FieldDefinition> list() {
        List<FieldDefinition> result = new ArrayList<>();
        store.fields().forEach(f -> result.add(toDefinition(f)));
        int position = result.size();
        for (FieldDefinition s : FieldValues.SYSTEM_FIELDS) {
            result.add(new FieldDefinition(s.name(), s.type(), s.label(), ++position, false, List.of(), true));
        }
        return result;
    }

    @Override
    public Optional<FieldDefinition> find(String name) {
        return list().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    @Override
    public Object validate(String name, Object value) {
        Map<String, FieldRecord> byName = new java.util.HashMap<>();
        store.fields().forEach(f -> byName.put(f.name(), f));
        return FieldValues.convert(FieldValues.definition(byName, name, value), value);
    }

    private FieldRecord existing(String name) {
        if (FieldValues.isSystem(name)) {
            throw new ValidationException("name", name, "field '" + name + "' is a system value and cannot be changed");
        }
        return store.fields().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("field '" + name + "' does not exist"));
    }

    @Override
    public FieldDefinition setChoices(String name, List<Choice> choices) {
        FieldRecord f = existing(name);
        List<Choice> checked = choices(name, f.type(), choices);
        return toDefinition(store.updateField(new FieldRecord(f.name(), f.type(), f.label(), f.position(), f.visible(),
                checked, f.created())));
    }

    @Override
    public FieldDefinition update(String name, String label, Integer position, Boolean visible) {
        FieldRecord f = existing(name);
        if (position != null && position < 0) {
            throw new ValidationException("position", String.valueOf(position), "position must be 0 or more");
        }
        return toDefinition(store.updateField(new FieldRecord(f.name(), f.type(),
                label == null ? f.label() : label.strip(), position == null ? f.position() : position,
                visible == null ? f.visible() : visible, f.choices(), f.created())));
    }

    static FieldDefinition toDefinition(FieldRecord f) {
        return new FieldDefinition(f.name(), f.type(), f.label(), f.position(), f.visible(), f.choices(), false);
    }
}
