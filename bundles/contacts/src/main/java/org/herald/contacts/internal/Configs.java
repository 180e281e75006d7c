package org.herald.contacts.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Configuration annotation values made in code, for tests and for running the services outside
 * OSGi (benchmarks, route tests): the defaults declared on the annotation, with overrides by
 * attribute method name. In OSGi, Declarative Services builds these from the PID instead.
 */
public final class Configs {

    private Configs() {
    }

    public static <A extends Annotation> A defaults(Class<A> type) {
        return of(type, Map.of());
    }

    public static <A extends Annotation> A of(Class<A> type, Map<String, Object> overrides) {
        for (String name : overrides.keySet()) {
            try {
                type.getMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no attribute " + name, e);
            }
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            String name = method.getName();
            if (name.equals("annotationType")) {
                return type;
            }
            if (name.equals("toString")) {
                return type.getSimpleName() + overrides;
            }
            if (name.equals("hashCode")) {
                return System.identityHashCode(self);
            }
            if (name.equals("equals")) {
                return self == args[0];
            }
            return overrides.containsKey(name) ? overrides.get(name) : defaultOf(method);
        });
        return type.cast(proxy);
    }

    private static Object defaultOf(Method method) {
        Object value = method.getDefaultValue();
        if (value == null) {
            throw new IllegalStateException(method + " has no default value");
        }
        return value;
    }
}
