package org.herald.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactsConfigsTest {

    @Test
    void defaultsAreThoseDeclaredOnTheConfigurationType() {
        ContactsConfig d = ContactsConfigs.defaults();

        assertThat(d.email_caseSensitiveLocalPart()).isFalse();
        assertThat(d.purge_time()).isEqualTo("02:00");
        assertThat(d.import_batchSize()).isEqualTo(1000);
        assertThat(d.annotationType()).isEqualTo(ContactsConfig.class);
    }

    @Test
    void givenSettingsAreReturnedAsGiven() {
        ContactsConfig c = ContactsConfigs.of(true, "03:30", 250);

        assertThat(c.email_caseSensitiveLocalPart()).isTrue();
        assertThat(c.purge_time()).isEqualTo("03:30");
        assertThat(c.import_batchSize()).isEqualTo(250);
        assertThat(ContactsConfigs.withImportBatchSize(7).import_batchSize()).isEqualTo(7);
        assertThat(ContactsConfigs.withImportBatchSize(7).purge_time()).isEqualTo("02:00");
    }
}
