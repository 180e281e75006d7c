package org.herald.store.internal;

import java.time.Duration;

import javax.sql.DataSource;

import org.herald.store.BounceStore;
import org.herald.store.CampaignStore;
import org.herald.store.ContactStore;
import org.herald.store.EventStore;
import org.herald.store.FieldStore;
import org.herald.store.FormStore;
import org.herald.store.ListStore;
import org.herald.store.SegmentStore;
import org.herald.store.MessageStore;
import org.herald.store.SettingStore;
import org.herald.store.SuppressionStore;
import org.herald.store.TemplateStore;

/**
 * Every store of this bundle over one DataSource, wired as Declarative Services wires them in the
 * container; for tests and benchmarks that run the real stores outside OSGi.
 */
public final class Stores implements AutoCloseable {

    private final Database database;
    private final ContactSchema schema;
    private final JdbcContactStore contacts;
    private final JpaListStore lists;
    private final JdbcSuppressionStore suppression;
    private final JpaSettingStore settings;
    private final JdbcEventStore events;
    private final JdbcSegmentStore segments;
    private final JpaTemplateStore templates;
    private final JpaCampaignStore campaigns;
    private final JdbcMessageStore messages;
    private final JdbcBounceStore bounces;
    private final JdbcFormStore forms;

    private Stores(DataSource dataSource, Duration fieldCheck) {
        this.database = new Database(dataSource);
        this.schema = new ContactSchema(database, fieldCheck);
        this.contacts = new JdbcContactStore(database, schema);
        this.lists = new JpaListStore(database);
        this.suppression = new JdbcSuppressionStore(database);
        this.settings = new JpaSettingStore(database);
        this.events = new JdbcEventStore(database);
        this.segments = new JdbcSegmentStore(database, schema);
        this.templates = new JpaTemplateStore(database);
        this.campaigns = new JpaCampaignStore(database);
        this.messages = new JdbcMessageStore(database);
        this.bounces = new JdbcBounceStore(database);
        this.forms = new JdbcFormStore(database);
    }

    /** The stores on {@code dataSource}, migrating its schema first. */
    public static Stores open(DataSource dataSource) {
        return new Stores(dataSource, ContactSchema.FIELD_CHECK_INTERVAL);
    }

    /** The stores, comparing field definitions with the database at most every {@code fieldCheck}. */
    public static Stores open(DataSource dataSource, Duration fieldCheck) {
        return new Stores(dataSource, fieldCheck);
    }

    public ContactStore contacts() {
        return contacts;
    }

    public FieldStore fields() {
        return schema;
    }

    public ListStore lists() {
        return lists;
    }

    public SuppressionStore suppression() {
        return suppression;
    }

    public SettingStore settings() {
        return settings;
    }

    public EventStore events() {
        return events;
    }

    public SegmentStore segments() {
        return segments;
    }

    public TemplateStore templates() {
        return templates;
    }

    public CampaignStore campaigns() {
        return campaigns;
    }

    public MessageStore messages() {
        return messages;
    }

    public FormStore forms() {
        return forms;
    }

    public BounceStore bounces() {
        return bounces;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public void close() {
        database.close();
    }
}
