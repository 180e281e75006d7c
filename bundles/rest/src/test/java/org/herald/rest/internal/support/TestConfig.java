package org.herald.rest.internal.support;

import java.lang.annotation.Annotation;

import org.herald.rest.internal.RestConfig;

/** A {@link RestConfig} with chosen values, as DS would build it from etc/org.herald.rest.cfg. */
public final class TestConfig implements RestConfig {

    /** The default of {@code json.maxBytes}. */
    public static final long JSON_MAX_BYTES = 1_048_576L;

    private final String realm;
    private final String role;
    private final long maxBytes;

    public TestConfig(String realm, String role, long maxBytes) {
        this.realm = realm;
        this.role = role;
        this.maxBytes = maxBytes;
    }

    public static TestConfig defaults() {
        return new TestConfig("karaf", "herald-admin", 104_857_600L);
    }

    @Override
    public String auth_realm() {
        return realm;
    }

    @Override
    public String auth_role() {
        return role;
    }

    @Override
    public long import_maxBytes() {
        return maxBytes;
    }

    @Override
    public long json_maxBytes() {
        return JSON_MAX_BYTES;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return RestConfig.class;
    }
}
