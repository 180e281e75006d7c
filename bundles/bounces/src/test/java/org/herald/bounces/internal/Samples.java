package org.herald.bounces.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the bounce samples written for Herald in src/test/resources/samples (see the README there):
 * by name ({@code "mta/qmail.eml"}) or all of them.
 */
final class Samples {

    private static final String ROOT = "/samples/";

    private Samples() {
    }

    /** The bytes of one sample, named by its path under samples/, such as {@code "rfc3464/dsn-two-recipients.eml"}. */
    static byte[] read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test message samples/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every sample message ({@code *.eml} under samples/), sorted by path. */
    static List<Path> all() {
        URL readme = Samples.class.getResource(ROOT + "README.md");
        if (readme == null) {
            throw new IllegalStateException("the samples folder is not on the test class path");
        }
        try (Stream<Path> s = Files.walk(Paths.get(readme.toURI()).getParent())) {
            List<Path> all = s.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
            if (all.isEmpty()) {
                throw new IllegalStateException("no samples under " + readme);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
