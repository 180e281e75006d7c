package org.herald.store.internal;

import java.sql.Timestamp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A segment definition; its condition is canonical JSON, compiled by the audience bundle. */
@Entity
@Table(name = "segment_definition")
public class SegmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "parent_list", length = 64)
    private String parentList;

    @Column(name = "conditions", nullable = false, length = 32000)
    private String conditions;

    @Column(name = "description", length = 4000)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Timestamp created;

    @Column(name = "updated_at", nullable = false)
    private Timestamp updated;

    public SegmentEntity() {
    }

    SegmentEntity(String name, Timestamp created) {
        this.name = name;
        this.created = created;
    }

    void set(String parentList, String conditions, String description, Timestamp updated) {
        this.parentList = parentList;
        this.conditions = conditions;
        this.description = description;
        this.updated = updated;
    }

    String name() { return name; }
    String parentList() { return parentList; }
    String conditions() { return conditions; }
    String description() { return description; }
    Timestamp created() { return created; }
    Timestamp updated() { return updated; }
}
