package org.herald.store.internal;

import java.sql.Timestamp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A custom field definition; its values live in the column {@code cf_<name>} of the contact table. */
@Entity
@Table(name = "field_definition")
public class FieldEntity {
    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "field_type", nullable = false, length = 16)
    private String type;

    @Column(name = "label")
    private String label;

    @Column(name = "display_order", nullable = false)
    private int position;

    @Column(name = "visible", nullable = false)
    private boolean visible;

    /** The choices with their translations, as a JSON array. */
    @Column(name = "choices", length = 32000)
    private String choices;

    @Column(name = "created_at", nullable = false)
    private Timestamp created;

    public FieldEntity() {
    }

    FieldEntity(String name, String type, String label, int position, boolean visible, String choices, Timestamp created) {
        this.name = name;
        this.type = type;
        this.label = label;
        this.position = position;
        this.visible = visible;
        this.choices = choices;
        this.created = created;
    }

    String name() { return name; }
    String type() { return type; }
    String label() { return label; }
    int position() { return position; }
    boolean visible() { return visible; }
    String choices() { return choices; }
    Timestamp created() { return created; }

    void update(String newLabel, int newPosition, boolean newVisible, String newChoices) {
        this.label = newLabel;
        this.position = newPosition;
        this.visible = newVisible;
        this.choices = newChoices;
    }
}
