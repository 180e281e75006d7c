package org.herald.contacts.internal.events;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.herald.scoring}: the lead score and its stages. */
@ObjectClassDefinition(id = "org.herald.scoring", name = "Herald lead scoring",
        description = "Points per event type, their decay, and the stages the score gives")
public @interface ScoringConfig {

    @AttributeDefinition(name = "Points", description = "Points per event type, as type=points (e.g. message_opened=1); "
            + "types not listed give none; negative points are allowed")
    String[] points() default {"message_opened=1", "message_clicked=3", "form_filled=5", "page_visit=1", "cart=2",
        "purchase=10"};

    @AttributeDefinition(name = "Decay per 30 days (%)", description = "Every full 30 days of age reduce an event's points "
            + "by this percentage (0 = points never decay); scores are recomputed daily at decay.time", min = "0", max = "100")
    int decay_percent() default 0;

    @AttributeDefinition(name = "Decay time", description = "Local time (HH:mm) of the daily recomputation of decayed scores")
    String decay_time() default "03:00";

    @AttributeDefinition(name = "Stages", description = "Stage labels with the score from which each applies, as label=score, "
            + "lowest first (e.g. prospect=0, warm=20, customer=50)")
    String[] stages() default {"prospect=0", "warm=20", "customer=50"};
}
