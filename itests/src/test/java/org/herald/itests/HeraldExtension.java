package org.herald.itests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Boots one Herald container for the whole test run (shared by every test class, stopped when the run
 * ends) and hands it to tests as a parameter. Tests use unique data so they do not depend on each other.
 */
final class HeraldExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(HeraldExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        container(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HeraldContainer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return container(context);
    }

    private static HeraldContainer container(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("container", key -> {
            HeraldContainer c = null;
            try {
                c = HeraldContainer.prepare();
                c.start();
                return new Holder(c);
            } catch (Exception e) {
                // a container that did not come up is not left running for the rest of the build
                if (c != null) {
                    try {
                        c.close();
                    } catch (Exception closing) {
                        e.addSuppressed(closing);
                    }
                }
                throw new IllegalStateException("Could not boot Herald: " + e.getMessage(), e);
            }
        }, Holder.class).container;
    }

    private record Holder(HeraldContainer container) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            container.close();
        }
    }
}
