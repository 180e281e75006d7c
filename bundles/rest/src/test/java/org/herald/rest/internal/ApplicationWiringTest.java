package org.herald.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.herald.rest.web.PublicWeb;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the whiteboards will actually be told, read from the DS descriptors bnd generated into
 * {@code OSGI-INF}: every JAX-RS resource of the bundle is served by the authenticated admin
 * application, which cannot run without the Basic-auth filter; anonymous answers come only from
 * the one public package, whose servlets and filters all live in the public servlet context.
 */
class ApplicationWiringTest {

    /** The one package whose components answer anonymously. */
    static final String PUBLIC_PACKAGE = "org.herald.rest.internal.web";

    private static final String RESOURCE = "osgi.jaxrs.resource";
    private static final String APPLICATION_SELECT = "osgi.jaxrs.application.select";
    private static final String EXTENSION_SELECT = "osgi.jaxrs.extension.select";
    private static final String CONTEXT_SELECT = "osgi.http.whiteboard.context.select";

    /** One component as DS will register it: its class, services and properties. */
    record Descriptor(String implementation, List<String> services, Map<String, List<String>> properties) {
        List<String> get(String name) {
            return properties.getOrDefault(name, List.of());
        }

        boolean isPublic() {
            return implementation.substring(0, implementation.lastIndexOf('.')).equals(PUBLIC_PACKAGE);
        }
    }

    private final List<Descriptor> descriptors = read();

    @Test
    void everyJaxrsResourceIsServedByTheAuthenticatedApplication() {
        List<Descriptor> resources = resources();
        assertThat(resources).as("resources found in OSGI-INF").hasSizeGreaterThan(5);
        for (Descriptor r : resources) {
            assertThat(r.get(APPLICATION_SELECT)).as("application of %s", r.implementation())
                    .containsExactly(Whiteboard.APPLICATION);
            assertThat(r.isPublic()).as("%s is a JAX-RS resource in the public package", r.implementation()).isFalse();
        }
    }

    @Test
    void everyClassWithAPathIsARegisteredResource() throws Exception {
        List<String> registered = resources().stream().map(Descriptor::implementation).toList();
        for (Class<?> type : classesWithPath()) {
            assertThat(registered).as("%s has @Path but is not a whiteboard resource of either application", type)
                    .contains(type.getName());
        }
    }

    @Test
    void theAdminApplicationRequiresTheBasicAuthFilterAndTheFilterSelectsOnlyIt() {
        Descriptor admin = application(Whiteboard.APPLICATION_NAME);
        assertThat(admin.get("osgi.jaxrs.application.base")).containsExactly(Whiteboard.BASE);
        assertThat(admin.get(EXTENSION_SELECT)).contains(Whiteboard.AUTH, Whiteboard.QUERY);
        Descriptor filter = named(Whiteboard.AUTH_NAME);
        assertThat(filter.get(APPLICATION_SELECT)).containsExactly(Whiteboard.APPLICATION);
        assertThat(filter.isPublic()).isFalse();
    }

    @Test
    void onlyThePublicPackageRegistersServletsAndFiltersAndAllOfThemAreInThePublicContext() {
        List<Descriptor> web = descriptors.stream().filter(d -> d.services().contains("javax.servlet.Servlet")
                || d.services().contains("javax.servlet.Filter")).toList();
        assertThat(web).extracting(Descriptor::implementation).contains(PUBLIC_PACKAGE + ".PublicHealthServlet",
                PUBLIC_PACKAGE + ".PublicGuard", PUBLIC_PACKAGE + ".NotFoundServlet");
        for (Descriptor d : web) {
            assertThat(d.isPublic()).as("%s registers a servlet or filter outside the public package", d.implementation())
                    .isTrue();
            assertThat(d.get(CONTEXT_SELECT)).as("context of %s", d.implementation()).containsExactly(PublicWeb.CONTEXT);
        }
        Descriptor guard = descriptors.stream().filter(d -> d.implementation().endsWith(".PublicGuard")).findFirst().orElseThrow();
        assertThat(guard.get("osgi.http.whiteboard.filter.pattern")).containsExactly("/*");
    }

    @Test
    void thePublicContextIsAtItsOwnBaseAndSelectsNoJaxrsApplication() {
        Descriptor context = descriptors.stream()
                .filter(d -> d.services().contains("org.osgi.service.http.context.ServletContextHelper")).findFirst()
                .orElseThrow(() -> new AssertionError("no ServletContextHelper in OSGI-INF"));
        assertThat(context.isPublic()).isTrue();
        assertThat(context.get("osgi.http.whiteboard.context.name")).containsExactly(PublicWeb.CONTEXT_NAME);
        assertThat(context.get("osgi.http.whiteboard.context.path")).containsExactly(PublicWeb.BASE);
        for (Descriptor d : descriptors) {
            if (d.isPublic()) {
                assertThat(d.get(APPLICATION_SELECT)).as("%s joins a JAX-RS application", d.implementation()).isEmpty();
                assertThat(d.get(EXTENSION_SELECT)).as("%s", d.implementation()).isEmpty();
            }
        }
        assertThat(descriptors.stream().filter(d -> d.services().contains("javax.ws.rs.core.Application")))
                .as("JAX-RS applications of the bundle: only the admin API").hasSize(1);
    }

    @Test
    void theTwoBasesAreDistinctAndTheAdminOneIsTheLongerPrefix() {
        assertThat(PublicWeb.BASE).isNotEqualTo(Whiteboard.BASE);
        // The admin base is the longer prefix, so its servlet context wins for /herald/api/v1/…
        assertThat(Whiteboard.BASE).startsWith(PublicWeb.BASE + "/");
    }

    private List<Descriptor> resources() {
        return descriptors.stream().filter(d -> d.get(RESOURCE).contains("true")).toList();
    }

    private Descriptor application(String name) {
        Descriptor d = named(name);
        assertThat(d.services()).contains("javax.ws.rs.core.Application");
        return d;
    }

    private Descriptor named(String name) {
        return descriptors.stream().filter(d -> d.get("osgi.jaxrs.name").contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no component named " + name + " in OSGI-INF"));
    }

    private static Path classesRoot() throws URISyntaxException {
        return Path.of(Whiteboard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<Descriptor> read() {
        try {
            Path dir = classesRoot().resolve("OSGI-INF");
            assertThat(dir).as("DS descriptors (bnd-process runs before the tests)").isDirectory();
            List<Descriptor> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".xml")).sorted()::iterator) {
                    out.add(parse(file));
                }
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("cannot read OSGI-INF", e);
        }
    }

    private static Descriptor parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        Element component = doc.getDocumentElement();
        String implementation = ((Element) component.getElementsByTagName("implementation").item(0)).getAttribute("class");
        List<String> services = new ArrayList<>();
        NodeList provides = component.getElementsByTagName("provide");
        for (int i = 0; i < provides.getLength(); i++) {
            services.add(((Element) provides.item(i)).getAttribute("interface"));
        }
        Map<String, List<String>> properties = new LinkedHashMap<>();
        NodeList props = component.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            List<String> values = p.hasAttribute("value") ? List.of(p.getAttribute("value"))
                    : Arrays.stream(p.getTextContent().split("\n")).map(String::strip).filter(v -> !v.isEmpty()).toList();
            properties.put(p.getAttribute("name"), values);
        }
        return new Descriptor(implementation, services, properties);
    }

    private static List<Class<?>> classesWithPath() throws IOException, URISyntaxException {
        Path root = classesRoot();
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.');
                try {
                    Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                            ApplicationWiringTest.class.getClassLoader());
                    if (type.isAnnotationPresent(javax.ws.rs.Path.class)) {
                        out.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable without OSGi: cannot be a resource here either
                }
            }
        }
        return out;
    }
}
