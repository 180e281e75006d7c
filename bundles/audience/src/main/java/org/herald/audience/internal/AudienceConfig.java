package org.herald.audience.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Herald audience", description = "Segments, engagement and its daily snapshots")
public @interface AudienceConfig {

    @AttributeDefinition(name = "Engagement window (days)", description = "Engaged = an interaction in this many days, "
            + "or a contact younger than that", min = "1")
    int engagement_days() default 90;

    @AttributeDefinition(name = "Change period (days)", description = "The engagement change is reported over this many days", min = "1")
    int change_days() default 30;

    @AttributeDefinition(name = "Snapshot time", description = "Local time of the daily engagement snapshot, HH:mm")
    String snapshot_time() default "01:30";

    @AttributeDefinition(name = "Preview sample", description = "Contacts shown with a preview count", min = "0", max = "100")
    int preview_sample() default 10;
}
