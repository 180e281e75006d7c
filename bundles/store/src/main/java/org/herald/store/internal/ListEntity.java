package org.herald.store.internal;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

/** A list with its public texts per language; memberships are rows of list_member. */
@Entity
@Table(name = "mailing_list")
public class ListEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Timestamp created;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "list_text", joinColumns = @JoinColumn(name = "list_id"))
    @MapKeyColumn(name = "lang", length = 16)
    private Map<String, ListTextValue> texts = new HashMap<>();

    public ListEntity() {
    }

    ListEntity(String name, Timestamp created) {
        this.name = name;
        this.created = created;
    }

    Long id() { return id; }
    String name() { return name; }
    Timestamp created() { return created; }
    Map<String, ListTextValue> texts() { return texts; }

    void rename(String newName) {
        this.name = newName;
    }
}
