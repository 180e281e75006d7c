package org.herald.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstRowsTest {

    @Test
    void everyKeyKeepsItsFirstRowWhileTheTableGrows() {
        CsvImport.FirstRows rows = new CsvImport.FirstRows();
        int n = 50_000; // grows the table from 1,024 slots several times
        for (int i = 0; i < n; i++) {
            assertThat(rows.putIfAbsent("user" + i + "@example.com", i + 2)).as("first time of %d", i).isEqualTo(-1);
        }
        for (int i = 0; i < n; i++) {
            assertThat(rows.putIfAbsent("user" + i + "@example.com", n + i)).as("again %d", i).isEqualTo(i + 2);
        }
        assertThat(rows.putIfAbsent("someone-else@example.com", 7)).isEqualTo(-1);
    }
}
