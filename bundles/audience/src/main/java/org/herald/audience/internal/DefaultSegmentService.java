package org.herald.audience.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.herald.audience.internal.conditions.Catalog;
import org.herald.audience.internal.conditions.Compiler;
import org.herald.audience.internal.conditions.Conditions;
import org.herald.audience.internal.conditions.Node;
import org.herald.common.NotFoundException;
import org.herald.common.Page;
import org.herald.common.ValidationException;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactService;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;
import org.herald.contacts.ListService;
import org.herald.segments.Condition;
import org.herald.segments.Preview;
import org.herald.segments.Segment;
import org.herald.segments.SegmentInput;
import org.herald.segments.SegmentService;
import org.herald.segments.spi.ConditionKind;
import org.herald.store.ContactRecord;
import org.herald.store.SegmentCompiler;
import org.herald.store.SegmentRecord;
import org.herald.store.SegmentSql;
import org.herald.store.SegmentStore;
import org.herald.store.SqlDialect;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segments over the store: conditions parsed by {@link Conditions} (built-in kinds and the
 * {@link ConditionKind} services of extension bundles), compiled by {@link Compiler} and evaluated
 * by the {@link SegmentStore} in one statement each; as {@link SegmentCompiler}, the compiled
 * segments that campaigns target, which the message store selects recipients by. Also the list delete guard for the lists
 * segments use (through {@link SegmentListUsage}).
 */
@Component(service = {SegmentService.class, SegmentCompiler.class}, configurationPid = "org.herald.audience")
@Designate(ocd = AudienceConfig.class)
public class DefaultSegmentService implements SegmentService, SegmentCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSegmentService.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final SegmentStore store;
    private final ContactService contacts;
    private final FieldService fields;
    private final ListService lists;
    private final Stages stages;
    private final AudienceConfig config;
    private final List<ConditionKind> extensions = new CopyOnWriteArrayList<>();
    private volatile Conditions conditions;

    @Activate
    public DefaultSegmentService(@Reference SegmentStore store, @Reference ContactService contacts,
            @Reference FieldService fields, @Reference ListService lists, @Reference Stages stages,
            AudienceConfig config) {
        this.store = store;
        this.contacts = contacts;
        this.fields = fields;
        this.lists = lists;
        this.stages = stages;
        this.config = config;
        rebuild();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addKind(ConditionKind kind) {
        if (Conditions.reserved(kind.key())) {
            LOG.warn("Condition kind '{}' of {} is ignored: the name is one of Herald's own", kind.key(), kind.getClass().getName());
        }
        extensions.add(kind);
        if (store != null) {
            rebuild();
        }
    }

    public void removeKind(ConditionKind kind) {
        extensions.remove(kind);
        if (store != null) {
            rebuild();
        }
    }

    private void rebuild() {
        SqlDialect dialect = store.dialect();
        Catalog catalog = new Catalog() {
            @Override
            public Optional<FieldDefinition> field(String name) {
                return fields.find(name);
            }

            @Override
            public boolean listExists(String name) {
                return lists.find(name).isPresent();
            }

            @Override
            public List<Stage> stages() {
                return stages.stages();
            }

            @Override
            public SqlDialect dialect() {
                return dialect;
            }
        };
        this.conditions = new Conditions(catalog, List.copyOf(extensions));
    }

    // ---- conditions

    @Override
    public Condition parse(String json) {
        return Conditions.condition(conditions.parseJson(json));
    }

    @Override
    public Condition parseText(String text) {
        return Conditions.condition(conditions.parseText(text));
    }

    private SegmentSql sql(String parentList, Condition condition, Instant now) {
        if (parentList != null && lists.find(parentList).isEmpty()) {
            throw new ValidationException("parentList", parentList, "parentList: list '" + parentList + "' does not exist");
        }
        return Compiler.compile(parentList, conditions.parseJson(condition.json()), now);
    }

    @Override
    public long count(String parentList, Condition condition) {
        return store.count(sql(parentList, condition, Instant.now()));
    }

    @Override
    public Preview preview(String parentList, Condition condition, int sampleSize) {
        SegmentSql sql = sql(parentList, condition, Instant.now());
        int n = Math.max(0, Math.min(sampleSize < 0 ? config.preview_sample() : sampleSize, 100));
        Page<ContactRecord> page = store.page(sql, 0, Math.max(n, 1));
        List<Contact> sample = new ArrayList<>();
        for (ContactRecord r : page.items().subList(0, Math.min(n, page.items().size()))) {
            contacts.find(r.id()).ifPresent(sample::add);
        }
        return new Preview(page.total(), sample);
    }

    // ---- definitions

    @Override
    public Segment create(SegmentInput input, String actor) {
        String name = input.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("name", name, "name: a segment name is 1-64 of a-z, 0-9, '_' and '-', starting with a letter or digit");
        }
        if (Predefined.exists(name)) {
            throw new org.herald.common.ConflictException("segment '" + name + "' is predefined");
        }
        Condition c = condition(input);
        sql(input.parentList(), c, Instant.now());
        Instant now = Instant.now();
        SegmentRecord r = store.create(new SegmentRecord(name, input.parentList(), c.json(), input.description(), now, now));
        LOG.info("Segment '{}' created by {}", name, actor);
        return toSegment(r);
    }

    private Condition condition(SegmentInput input) {
        if ((input.conditions() == null) == (input.text() == null)) {
            throw new ValidationException("conditions", null, "conditions: give the conditions in JSON or as text, exactly one of them");
        }
        return input.conditions() != null ? parse(input.conditions()) : parseText(input.text());
    }

    @Override
    public Segment update(String name, SegmentInput input, String actor) {
        if (Predefined.exists(name)) {
            throw new org.herald.common.ConflictException("segment '" + name + "' is predefined; copy it to change it");
        }
        SegmentRecord old = store.find(name).orElseThrow(() -> notFound(name));
        Condition c = condition(input);
        sql(input.parentList(), c, Instant.now());
        SegmentRecord r = store.update(new SegmentRecord(name, input.parentList(), c.json(),
                input.description() != null ? input.description() : old.description(), old.created(), Instant.now()));
        LOG.info("Segment '{}' changed by {}", name, actor);
        return toSegment(r);
    }

    @Override
    public void delete(String name, String actor) {
        if (Predefined.exists(name)) {
            throw new org.herald.common.ConflictException("segment '" + name + "' is predefined and cannot be deleted");
        }
        store.delete(name);
        LOG.info("Segment '{}' deleted by {}", name, actor);
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("segment '" + name + "' does not exist");
    }

    private Segment toSegment(SegmentRecord r) {
        Condition c;
        try {
            c = parse(r.conditions());
        } catch (ValidationException e) {
            // a field or list it named is gone: show it as stored, counting it will say why
            c = Condition.of(r.conditions(), "(invalid: " + e.getMessage() + ")");
        }
        return new Segment(r.name(), r.parentList(), c, r.description(), null, r.created(), r.updated());
    }

    private Segment predefined(String name, Instant now) {
        String json = Predefined.json(name, config.engagement_days(), store, now);
        return new Segment(name, null, parse(json), Predefined.DESCRIPTIONS.get(name), name, null, null);
    }

    @Override
    public Segment get(String name) {
        if (Predefined.exists(name)) {
            return predefined(name, Instant.now());
        }
        return toSegment(store.find(name).orElseThrow(() -> notFound(name)));
    }

    @Override
    public List<Segment> list() {
        Instant now = Instant.now();
        List<Segment> out = new ArrayList<>();
        for (String name : Predefined.DESCRIPTIONS.keySet()) {
            out.add(predefined(name, now));
        }
        for (SegmentRecord r : store.segments()) {
            out.add(toSegment(r));
        }
        return out;
    }

    private SegmentSql sqlOf(String name, Instant now) {
        Segment s = get(name);
        return sql(s.parentList(), s.condition(), now);
    }

    @Override
    public CompiledSegment compile(String name, Instant now) {
        Segment s = get(name);
        return new CompiledSegment(s.name(), s.parentList(), sql(s.parentList(), s.condition(), now));
    }

    @Override
    public long count(String name) {
        return store.count(sqlOf(name, Instant.now()));
    }

    @Override
    public Page<Contact> contacts(String name, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new ValidationException("limit", String.valueOf(limit), "limit: 1 to 1000, offset at least 0");
        }
        Page<ContactRecord> page = store.page(sqlOf(name, Instant.now()), offset, limit);
        List<Contact> items = new ArrayList<>();
        for (ContactRecord r : page.items()) {
            contacts.find(r.id()).ifPresent(items::add);
        }
        return new Page<>(page.total(), offset, limit, items);
    }

    @Override
    public long exportCsv(String name, Writer out) throws IOException {
        SegmentSql sql = sqlOf(name, Instant.now());
        List<FieldDefinition> defs = fields.list();
        List<String> header = new ArrayList<>(List.of("id", "email", "status", "created"));
        defs.forEach(f -> header.add(f.name()));
        header.addAll(List.of("tags", "lists"));
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build());
        try {
            long n = store.forEach(sql, r -> {
                List<Object> row = new ArrayList<>(List.of(r.id(), r.email(), r.status().name(), r.created().toString()));
                for (FieldDefinition f : defs) {
                    Object v = f.system() ? system(f.name(), r) : r.fields().get(f.name());
                    row.add(v instanceof Collection<?> c ? String.join(",", c.stream().map(String::valueOf).toList())
                            : v == null ? "" : v.toString());
                }
                row.add(String.join(",", r.tags().stream().sorted().toList()));
                row.add(String.join(",", r.lists().stream().sorted().toList()));
                try {
                    csv.printRecord(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
            return n;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The read-only system values, as the contact export writes them. */
    private static Object system(String name, ContactRecord r) {
        return switch (name) {
            case "score" -> r.metrics().score();
            case "ORDER_NUMBER" -> r.metrics().orderNumber();
            case "ORDER_SUMMARY" -> r.metrics().orderSummary().toPlainString();
            case "ORDER_AVG" -> r.metrics().orderAverage().toPlainString();
            default -> r.fields().get(name);
        };
    }

    @Override
    public List<String> segmentsOf(String idOrEmail) {
        Contact contact = contacts.get(idOrEmail);
        Instant now = Instant.now();
        Map<String, SegmentSql> all = new LinkedHashMap<>();
        for (Segment s : list()) {
            try {
                all.put(s.name(), sql(s.parentList(), s.condition(), now));
            } catch (ValidationException e) {
                LOG.debug("Segment '{}' cannot be evaluated: {}", s.name(), e.getMessage());
            }
        }
        return store.matching(contact.id(), all);
    }

    @Override
    public List<String> segmentsUsingList(String list) {
        return SegmentListUsage.segmentsUsing(store, list);
    }

    @Override
    public Segment copy(String name, String newName, String actor) {
        Segment s = get(name);
        return create(SegmentInput.builder(newName).parentList(s.parentList()).conditions(s.condition().json())
                .description(s.description() == null ? "copy of " + name : s.description()).build(), actor);
    }
}
