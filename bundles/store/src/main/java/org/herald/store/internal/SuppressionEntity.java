package org.herald.store.internal;

import java.sql.Timestamp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The keyed hash of an erased address: all that is left of a forgotten contact. */
@Entity
@Table(name = "suppression")
public class SuppressionEntity {
    @Id
    @Column(name = "hash_value", length = 64)
    private String hash;

    @Column(name = "created_at", nullable = false)
    private Timestamp created;

    public SuppressionEntity() {
    }

    SuppressionEntity(String hash, Timestamp created) {
        this.hash = hash;
        this.created = created;
    }
}
