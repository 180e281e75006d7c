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
 * What the JAX-RS Whiteboard will actually be told, read from the DS descriptors bnd generated into
 * {@code OSGI-INF}: every resource of the bundle is served by the authenticated admin application,
 * unless it is in the one public package, whose resources are served by the public application;
 * the admin application cannot run without the Basic-auth filter, and the public one has none.
 */
class ApplicationWiringTest {

    /** The one package whose resources are public. */
    static final String PUBLIC_PACKAGE = "org.herald.rest.internal.web";

    private static final String RESOURCE = "osgi.jaxrs.resource";
    private static final String APPLICATION_SELECT = "osgi.jaxrs.application.select";
    private static final String EXTENSION_SELECT = "osgi.jaxrs.extension.select";

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
    void everyResourceOutsideThePublicPackageIsServedByTheAuthenticatedApplication() {
        List<Descriptor> resources = resources();
        assertThat(resources).as("resources found in OSGI-INF").hasSizeGreaterThan(5);
        for (Descriptor r : resources) {
            assertThat(r.get(APPLICATION_SELECT)).as("application of %s", r.implementation())
                    .containsExactly(r.isPublic() ? PublicWeb.APPLICATION : Whiteboard.APPLICATION);
        }
        assertThat(resources).filteredOn(Descriptor::isPublic).extracting(Descriptor::implementation)
                .contains(PUBLIC_PACKAGE + ".PublicHealthResource");
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
        assertThat(admin.get(EXTENSION_SELECT)).contains(Whiteboard.AUTH);
        Descriptor filter = named(Whiteboard.AUTH_NAME);
        assertThat(filter.get(APPLICATION_SELECT)).containsExactly(Whiteboard.APPLICATION);
        assertThat(filter.isPublic()).isFalse();
    }

    @Test
    void thePublicApplicationHasItsOwnExtensionsAndNoneOfTheAdminOnes() {
        Descriptor web = application(PublicWeb.APPLICATION_NAME);
        assertThat(web.get("osgi.jaxrs.application.base")).containsExactly(PublicWeb.BASE);
        assertThat(web.get(EXTENSION_SELECT)).containsExactlyInAnyOrder(PublicWeb.ERRORS, PublicWeb.HEADERS);
        for (Descriptor d : descriptors) {
            if (d.isPublic()) {
                assertThat(d.get(APPLICATION_SELECT)).as("%s", d.implementation()).allMatch(PublicWeb.APPLICATION::equals);
                assertThat(d.get(EXTENSION_SELECT)).as("%s", d.implementation())
                        .noneMatch(Whiteboard.JSON::equals).noneMatch(Whiteboard.AUTH::equals);
            } else {
                assertThat(d.get(APPLICATION_SELECT)).as("%s", d.implementation()).allMatch(Whiteboard.APPLICATION::equals);
            }
        }
        assertThat(descriptors.stream().filter(d -> d.services().contains("javax.ws.rs.core.Application")))
                .as("applications of the bundle").hasSize(2);
    }

    @Test
    void theTwoBasesAreDistinctAndThePublicOneIsNotUnderTheAdminOne() {
        assertThat(PublicWeb.BASE).isNotEqualTo(Whiteboard.BASE);
        assertThat(PublicWeb.BASE).doesNotStartWith(Whiteboard.BASE);
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
