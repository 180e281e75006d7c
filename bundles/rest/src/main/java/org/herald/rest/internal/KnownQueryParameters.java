package org.herald.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.herald.rest.internal.error.ErrorBody;
import org.herald.rest.internal.error.Errors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Refuses a request whose query names a parameter the matched operation does not take, with a 400
 * that names it and lists the ones the operation takes: a misspelt parameter ({@code lists} for
 * {@code list}) would otherwise be ignored and the request do something else than asked. What an
 * operation takes is read from its {@code @QueryParam}s, so a new parameter needs nothing here.
 * Runs after matching (it needs the operation), so after authentication (at the default priority).
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(Whiteboard.QUERY_NAME)
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
public class KnownQueryParameters implements ContainerRequestFilter {

    private final ConcurrentMap<Method, Set<String>> known = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> takes = known.computeIfAbsent(method, KnownQueryParameters::declared);
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(request.getUriInfo().getQueryParameters(false).keySet())) {
            if (!takes.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            request.abortWith(Errors.response(400, new ErrorBody(ErrorBody.VALIDATION, message(unknown, takes),
                    unknown.size() == 1 ? unknown.get(0) : String.join(",", unknown), null, null)));
        }
    }

    static String message(List<String> unknown, Set<String> takes) {
        String named = unknown.stream().map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElse("");
        return (unknown.size() == 1 ? "unknown query parameter " : "unknown query parameters ") + named + ": "
                + (takes.isEmpty() ? "this operation takes no query parameters"
                        : "this operation takes " + String.join(", ", takes))
                + " (names are case-sensitive)";
    }

    /** The query parameters an operation declares, sorted. */
    static Set<String> declared(Method method) {
        TreeSet<String> names = new TreeSet<>();
        for (Annotation[] parameter : method.getParameterAnnotations()) {
            for (Annotation a : parameter) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                }
            }
        }
        return java.util.Collections.unmodifiableSortedSet(names);
    }
}
