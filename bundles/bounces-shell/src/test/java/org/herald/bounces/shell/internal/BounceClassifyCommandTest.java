package org.herald.bounces.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald:bounce-classify} honours the classifier's configured message limit and Herald's JSON. */
class BounceClassifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void fileIsReadNoFurtherThanOneByteOverTheConfiguredLimit() throws Exception {
        Path big = Files.write(dir.resolve("big.eml"), new byte[1000]);
        assertThat(BounceClassifyCommand.read(big, 100)).hasSize(101);
        Path small = Files.write(dir.resolve("small.eml"), new byte[50]);
        assertThat(BounceClassifyCommand.read(small, 100)).hasSize(50);
    }

    @Test
    void jsonLineKeepsTheAlwaysPresentKeysEvenWhenNull() {
        String line = BounceClassifyCommand.jsonLine("a.eml", BounceRecord.unknown("empty input"));
        assertThat(line).startsWith("{\"file\":\"a.eml\",\"recipient\":null,\"status\":null,\"replycode\":null,"
                + "\"reason\":").contains("\"class\":\"" + BounceClass.UNKNOWN.name() + "\"")
                .contains("\"note\":\"empty input\"").doesNotContain("\n");
        assertThat(List.of(line)).hasSize(1);
    }
}
