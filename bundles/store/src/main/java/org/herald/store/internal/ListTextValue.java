package org.herald.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A list's public name and description in one language. */
@Embeddable
public class ListTextValue {
    @Column(name = "public_name")
    private String publicName;

    @Column(name = "description", length = 4000)
    private String description;

    public ListTextValue() {
    }

    ListTextValue(String publicName, String description) {
        this.publicName = publicName;
        this.description = description;
    }

    String publicName() { return publicName; }
    String description() { return description; }
}
