package org.herald.rest.internal.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.ws.rs.HttpMethod;

import org.herald.rest.internal.Whiteboard;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The OpenAPI document is valid and describes exactly the operations the resources serve. */
class OpenApiDocumentTest {

    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode doc = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(OpenApiResource.load());
        } catch (IOException e) {
            throw new AssertionError("openapi.json is not valid JSON", e);
        }
    }

    @Test
    void documentIsOpenApi303WithTheRequiredTopLevelKeysAndBasicSecurity() {
        assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
        assertThat(doc.get("info").get("title").asText()).isNotBlank();
        assertThat(doc.get("info").get("version").asText()).isNotBlank();
        assertThat(doc.get("paths").size()).isPositive();
        assertThat(doc.get("servers").get(0).get("url").asText()).isEqualTo(Whiteboard.BASE);
        JsonNode basic = doc.get("components").get("securitySchemes").get("basic");
        assertThat(basic.get("type").asText()).isEqualTo("http");
        assertThat(basic.get("scheme").asText()).isEqualTo("basic");
        assertThat(doc.get("security").get(0).has("basic")).isTrue();
    }

    @Test
    void everyResourceOperationIsDocumented() throws Exception {
        Set<String> served = servedOperations();
        assertThat(served).as("resource classes found by scanning").isNotEmpty();
        assertThat(documentedOperations()).as("operations in openapi.json").containsAll(served);
    }

    @Test
    void everyDocumentedOperationIsServed() throws Exception {
        assertThat(servedOperations()).as("operations the resources serve").containsAll(documentedOperations());
    }

    @Test
    void noOperationIsDocumentedAsPublic() {
        Set<String> open = new TreeSet<>();
        forEachOperation((path, verb, op) -> {
            if (op.has("security") && op.get("security").isEmpty()) {
                open.add(verb + " " + path);
            }
        });
        assertThat(open).as("the admin API has no anonymous operation; those live in the public application").isEmpty();
    }

    @Test
    void everyOperationHasAnIdResponsesAndDeclaredPathParameters() {
        Set<String> ids = new HashSet<>();
        forEachOperation((path, verb, op) -> {
            assertThat(ids.add(op.get("operationId").asText())).as("unique operationId of " + verb + " " + path).isTrue();
            assertThat(op.get("responses").size()).as("responses of " + verb + " " + path).isPositive();
            Set<String> declared = new HashSet<>();
            for (JsonNode list : new JsonNode[] { doc.get("paths").get(path).get("parameters"), op.get("parameters") }) {
                if (list != null) {
                    list.forEach(p -> {
                        JsonNode param = p.has("$ref") ? resolve(p.get("$ref").asText()) : p;
                        if ("path".equals(param.get("in").asText())) {
                            declared.add(param.get("name").asText());
                        }
                    });
                }
            }
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) {
                assertThat(declared).as("path parameters of " + verb + " " + path).contains(m.group(1));
            }
        });
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(resolve(ref)).as(ref).isNotNull();
        }
    }

    private JsonNode resolve(String ref) {
        assertThat(ref).startsWith("#/");
        JsonNode node = doc;
        for (String part : ref.substring(2).split("/")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (name.equals("$ref")) {
                    refs.add(node.get(name).asText());
                } else {
                    collectRefs(node.get(name), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    interface OperationVisitor {
        void visit(String path, String verb, JsonNode operation);
    }

    private void forEachOperation(OperationVisitor visitor) {
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (VERBS.contains(op.getKey())) {
                visitor.visit(path.getKey(), op.getKey().toUpperCase(Locale.ROOT), op.getValue());
            }
        }));
    }

    private Set<String> documentedOperations() {
        Set<String> ops = new TreeSet<>();
        forEachOperation((path, verb, op) -> ops.add(verb + " " + path));
        return ops;
    }

    /** Every {@code VERB /path} of every class with {@code @Path} in the bundle's classes. */
    static Set<String> servedOperations() throws IOException, URISyntaxException {
        Path root = Path.of(Whiteboard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> ops = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.');
                Class<?> type;
                try {
                    type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                            OpenApiDocumentTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                javax.ws.rs.Path classPath = type.getAnnotation(javax.ws.rs.Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String verb = verb(method);
                    if (verb != null) {
                        javax.ws.rs.Path methodPath = method.getAnnotation(javax.ws.rs.Path.class);
                        ops.add(verb + " " + join(classPath.value(), methodPath == null ? "" : methodPath.value()));
                    }
                }
            }
        }
        return ops;
    }

    private static String verb(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String path = "/" + a + "/" + b;
        path = path.replaceAll("/+", "/");
        // JAX-RS templates may carry a regex ({id: [0-9]+}); OpenAPI has just the name.
        path = path.replaceAll("\\{\\s*([^:}\\s]+)\\s*(:[^}]*)?}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
