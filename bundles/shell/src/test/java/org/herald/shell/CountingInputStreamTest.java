package org.herald.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;

class CountingInputStreamTest {

    @Test
    void countsEveryByteReadHoweverItIsRead() throws Exception {
        try (CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(new byte[100]))) {
            in.read();
            in.read(new byte[10], 0, 10);
            in.skip(5);
            in.readAllBytes();
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.count()).isEqualTo(100);
        }
    }
}
