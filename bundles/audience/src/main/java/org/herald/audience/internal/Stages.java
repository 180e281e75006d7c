package org.herald.audience.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.herald.audience.internal.conditions.Catalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The score stages as the scoring configuration ({@code org.herald.scoring}, {@code stages}) gives
 * them, read here too so that a stage condition follows the same thresholds as the contact card.
 * No metatype of its own: the scoring component designates that PID.
 */
@Component(service = Stages.class, configurationPid = "org.herald.scoring")
public class Stages {

    /** The one attribute read from {@code org.herald.scoring}. */
    public @interface Config {
        String[] stages() default {"prospect=0", "warm=20", "customer=50"};
    }

    private volatile List<Catalog.Stage> stages;

    @Activate
    public Stages(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        this.stages = parse(config.stages());
    }

    public List<Catalog.Stage> stages() {
        return stages;
    }

    public static List<Catalog.Stage> parse(String[] values) {
        List<Catalog.Stage> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length == 2) {
                    try {
                        out.add(new Catalog.Stage(kv[0].strip(), Long.parseLong(kv[1].strip())));
                    } catch (NumberFormatException ignored) {
                        // the scoring component logs bad entries
                    }
                }
            }
        }
        out.sort(Comparator.comparingLong(Catalog.Stage::from));
        return List.copyOf(out);
    }
}
