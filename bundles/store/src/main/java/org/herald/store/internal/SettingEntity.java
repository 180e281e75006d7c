package org.herald.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An installation-wide value generated once (e.g. the suppression salt). */
@Entity
@Table(name = "herald_setting")
public class SettingEntity {
    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "setting_value", nullable = false, length = 4000)
    private String value;

    public SettingEntity() {
    }

    SettingEntity(String name, String value) {
        this.name = name;
        this.value = value;
    }

    String value() { return value; }

    void value(String next) { this.value = next; }
}
