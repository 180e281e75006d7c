package org.herald.bounces.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the synthetic test messages in src/test/resources/bounces. */
final class Samples {

    private Samples() {
    }

    static byte[] read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/bounces/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test message " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
