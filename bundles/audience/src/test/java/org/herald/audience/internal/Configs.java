package org.herald.audience.internal;

import java.lang.annotation.Annotation;

/** Configuration annotations with their defaults (or given values), as DS would pass them. */
final class Configs {

    private Configs() {
    }

    static AudienceConfig audience() {
        return new AudienceConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AudienceConfig.class;
            }

            @Override
            public int engagement_days() {
                return 90;
            }

            @Override
            public int change_days() {
                return 30;
            }

            @Override
            public String snapshot_time() {
                return "01:30";
            }

            @Override
            public int preview_sample() {
                return 10;
            }
        };
    }

    static Stages.Config stages(String... stages) {
        return new Stages.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Stages.Config.class;
            }

            @Override
            public String[] stages() {
                return stages;
            }
        };
    }
}
