package org.herald.rest.internal.support;

import java.sql.SQLException;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.herald.audience.internal.AudienceConfig;
import org.herald.audience.internal.DefaultEngagementService;
import org.herald.audience.internal.DefaultSegmentService;
import org.herald.audience.internal.Stages;
import org.herald.audience.internal.events.ActivityListener;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.DefaultContactService;
import org.herald.contacts.internal.DefaultFieldService;
import org.herald.contacts.internal.DefaultListService;
import org.herald.contacts.internal.DefaultTagService;
import org.herald.contacts.internal.TestBed;
import org.herald.contacts.internal.events.DefaultEventService;

/** Herald's services as Karaf wires them, from the shared test bed, over a fresh in-memory Derby database. */
public final class Services implements AutoCloseable {

    private final TestBed bed = new TestBed();
    public final DefaultContactService contacts = bed.contacts;
    public final DefaultFieldService fields = bed.fields;
    public final DefaultListService lists = bed.lists;
    public final DefaultTagService tags = bed.tags;
    public final DefaultEventService events = bed.events;
    public final DefaultSegmentService segments = new DefaultSegmentService(bed.stores.segments(), bed.contacts,
            bed.fields, bed.lists, new Stages(Configs.defaults(Stages.Config.class)), Configs.defaults(AudienceConfig.class));
    public final DefaultEngagementService engagement = new DefaultEngagementService(bed.stores.segments(),
            Configs.defaults(AudienceConfig.class), false);
    public final org.herald.campaigns.internal.tokens.HmacTokens tokens = new org.herald.campaigns.internal.tokens.HmacTokens(
            bed.stores.settings(), Configs.defaults(org.herald.campaigns.internal.tokens.TokensConfig.class));
    public final org.herald.campaigns.internal.DefaultSubscriberLinks links = new org.herald.campaigns.internal.DefaultSubscriberLinks(
            tokens, Configs.defaults(org.herald.campaigns.internal.CampaignsConfig.class));
    public final org.herald.campaigns.internal.DefaultConfirmationMail confirmations =
            new org.herald.campaigns.internal.DefaultConfirmationMail(bed.contacts, bed.stores.contacts(),
                    bed.stores.messages(), links, new org.herald.campaigns.internal.DefaultTemplateService(
                            bed.stores.templates(), bed.stores.campaigns()),
                    new org.herald.campaigns.internal.DefaultSendPolicy(bed.stores.contacts(), bed.contacts, bed.stores.messages()),
                    Configs.defaults(org.herald.campaigns.internal.ConfirmationConfig.class));
    /** Keeps the activity summaries as the container's listener would; tests call it after adding events. */
    public final ActivityListener activity = new ActivityListener(bed.stores.segments());

    Services() {
        lists.addUsageProvider(new org.herald.audience.internal.SegmentListUsage(bed.stores.segments()));
    }

    public TestBed bed() {
        return bed;
    }

    /** Drops the database under the running services, as a lost database server would. */
    public void dropDatabase() {
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName(((EmbeddedDataSource) bed.dataSource).getDatabaseName());
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as SQLState 08006.
            if (!"08006".equals(expected.getSQLState())) {
                throw new IllegalStateException("cannot drop the test database", expected);
            }
        }
    }

    @Override
    public void close() {
        engagement.deactivate();
        bed.close();
        try {
            dropDatabase();
        } catch (IllegalStateException alreadyGone) {
            // dropped by the test itself
        }
    }
}
