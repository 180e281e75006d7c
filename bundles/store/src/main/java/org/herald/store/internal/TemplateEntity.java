package org.herald.store.internal;

import java.sql.Timestamp;

import org.herald.store.TemplateStore.TemplateRecord;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A message template. */
@Entity
@Table(name = "mail_template")
public class TemplateEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "subject", nullable = false, length = 998)
    private String subject;

    @Lob
    @Column(name = "html_body")
    private String html;

    @Lob
    @Column(name = "text_body")
    private String text;

    @Column(name = "created_at", nullable = false)
    private Timestamp created;

    @Column(name = "updated_at", nullable = false)
    private Timestamp updated;

    public TemplateEntity() {
    }

    TemplateEntity(TemplateRecord t) {
        this.name = t.name();
        this.created = Timestamp.from(t.created());
        apply(t);
    }

    void apply(TemplateRecord t) {
        this.subject = t.subject();
        this.html = t.html();
        this.text = t.text();
        this.updated = Timestamp.from(t.updated());
    }

    TemplateRecord toRecord() {
        return new TemplateRecord(name, subject, html, text, created.toInstant(), updated.toInstant());
    }
}
