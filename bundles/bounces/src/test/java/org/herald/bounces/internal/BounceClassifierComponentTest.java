package org.herald.bounces.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;

import org.herald.bounce.BounceClass;
import org.junit.jupiter.api.Test;

/** The service's limits come from PID org.herald.bounces, and it tells its callers the message limit. */
class BounceClassifierComponentTest {

    private static BounceClassifierComponent.Config config(long maxMessageBytes) {
        return new BounceClassifierComponent.Config() {
            @Override
            public long maxMessageBytes() {
                return maxMessageBytes;
            }

            @Override
            public long timeoutMillis() {
                return 5000;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return BounceClassifierComponent.Config.class;
            }
        };
    }

    @Test
    void configuredMessageLimitIsTheOneTheServiceAppliesAndReports() {
        BounceClassifierComponent c = new BounceClassifierComponent();
        c.activate(config(64));
        try {
            assertThat(c.maxMessageBytes()).isEqualTo(64);
            assertThat(c.classify(new byte[65])).singleElement().satisfies(r -> {
                assertThat(r.bounceClass()).isEqualTo(BounceClass.UNKNOWN);
                assertThat(r.note()).contains("over the limit of 64 bytes");
            });
            c.modified(config(128));
            assertThat(c.maxMessageBytes()).isEqualTo(128);
        } finally {
            c.deactivate();
        }
    }
}
