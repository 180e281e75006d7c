package org.herald.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Subscription forms (their definitions as JSON documents, and every version of their consent
 * texts), the subscriptions that wait for a confirmation, and the single-use register of CAPTCHA
 * answers. A waiting subscription belongs to its contact: it goes when the contact is forgotten.
 *
 * @since 2.3
 */
@ProviderType
public interface FormStore {

    /** A form: its name, its definition (JSON, the form service's shape) and its current consent version (0: none). */
    record FormRecord(String name, String definition, int consentVersion, Instant created, Instant updated) {
    }

    /** One version of a consent text with the SHA-256 (hex) of its UTF-8 bytes. */
    record ConsentTextRecord(String form, int version, String text, String sha256, Instant created) {
    }

    /**
     * A subscription waiting for its confirmation: the form, the contact (public id), the lists it
     * joins, the field values posted (JSON object) and the proof of the post. {@code id} is ignored
     * when writing.
     */
    record SubmissionRecord(long id, String form, String contactId, List<String> lists, String fieldValues,
            int consentVersion, String consentSha256, String ip, String userAgent, Instant submittedAt) {

        public SubmissionRecord {
            lists = List.copyOf(lists);
        }
    }

    List<FormRecord> forms();

    Optional<FormRecord> find(String name);

    /**
     * Stores a new form with its first consent text (null: none); a name taken is a
     * {@link org.herald.common.ConflictException}.
     */
    FormRecord create(FormRecord form, ConsentTextRecord consent);

    /**
     * Replaces the definition; {@code newConsent}, when not null, is stored as the next version and
     * becomes current. A form that is not there is a {@link org.herald.common.NotFoundException}.
     */
    FormRecord update(FormRecord form, ConsentTextRecord newConsent);

    /** Deletes the form (its consent texts stay); false when there was none. */
    boolean delete(String name);

    List<ConsentTextRecord> consentTexts(String form);

    Optional<ConsentTextRecord> consentText(String form, int version);

    /**
     * Records a post: a subscription that waits for its confirmation, or one confirmed at once
     * ({@code confirmed}: a form without double opt-in, kept as the proof of the post), with
     * {@code event} (the contact's {@code form_filled}) in the same transaction; returns its id. The
     * contact must exist.
     */
    long addSubmission(SubmissionRecord submission, boolean confirmed, EventWrite event);

    /** The contact's subscriptions not yet confirmed that were made at or after {@code since}, oldest first. */
    List<SubmissionRecord> pendingSubmissions(String contactId, Instant since);

    /** Marks subscriptions confirmed; true for each that was still waiting (so a second click applies nothing). */
    List<Long> confirmSubmissions(List<Long> ids, Instant at);

    /** Drops subscriptions made before {@code cutoff} that were never confirmed; returns how many. */
    int purgeSubmissions(Instant cutoff);

    /**
     * Registers a single-use key (a solved CAPTCHA) until {@code expires}: true the first time, false
     * when it is registered already, on any node. Expired keys are dropped on the way.
     */
    boolean useOnce(String key, Instant expires);
}
