package org.herald.store.internal;

import java.sql.Timestamp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One consent ledger entry, read through JPA. Entries are appended by ContactTable in the same
 * JDBC transaction (often a batch) as the contact change they record, and never updated.
 */
@Entity
@Table(name = "consent_entry")
public class ConsentEntryEntity {
    @Id
    @Column(name = "id")
    private long id;
    @Column(name = "contact_id")
    private long contactId;
    @Column(name = "channel")
    private String channel;
    @Column(name = "consent_action")
    private String action;
    @Column(name = "from_status")
    private String fromStatus;
    @Column(name = "to_status")
    private String toStatus;
    @Column(name = "list_name")
    private String list;
    @Column(name = "consent_source")
    private String source;
    @Column(name = "changed_at")
    private Timestamp at;
    @Column(name = "actor")
    private String actor;
    @Column(name = "ip")
    private String ip;
    @Column(name = "user_agent")
    private String userAgent;
    @Column(name = "form_id")
    private String formId;
    @Column(name = "consent_text_version")
    private String consentTextVersion;

    public ConsentEntryEntity() {
    }

    long id() { return id; }
    String channel() { return channel; }
    String action() { return action; }
    String fromStatus() { return fromStatus; }
    String toStatus() { return toStatus; }
    String list() { return list; }
    String source() { return source; }
    Timestamp at() { return at; }
    String actor() { return actor; }
    String ip() { return ip; }
    String userAgent() { return userAgent; }
    String formId() { return formId; }
    String consentTextVersion() { return consentTextVersion; }
}
