package org.herald.segments;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.herald.common.Page;
import org.herald.contacts.Contact;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Segments: parse and validate conditions, keep segment definitions, and answer which contacts a
 * segment holds. Counting, listing and exporting run in the database; contacts are never loaded
 * to be filtered. Segments are named by their name; predefined segments are listed beside the
 * admins' own and can be counted, listed and exported like them, not changed.
 * Errors: {@link org.herald.common.ValidationException} naming the path of a bad node
 * ({@code and[2].op: 'gte' does not apply to a text field}), {@link org.herald.common.NotFoundException},
 * {@link org.herald.common.ConflictException} for a name taken.
 */
@ProviderType
public interface SegmentService {

    /** Parses a condition in its JSON form. */
    Condition parse(String json);

    /** Parses a condition in its textual form ({@code age >= 30 and tag vip and not opened in 90 days}). */
    Condition parseText(String text);

    /** The live count of a condition, within the members of {@code parentList} when not null. */
    long count(String parentList, Condition condition);

    /** The live count and up to {@code sampleSize} matching contacts. */
    Preview preview(String parentList, Condition condition, int sampleSize);

    Segment create(SegmentInput input, String actor);

    Segment update(String name, SegmentInput input, String actor);

    void delete(String name, String actor);

    Segment get(String name);

    /** Every segment, predefined ones first, then the others by name. */
    List<Segment> list();

    /** The number of live contacts in the segment now. */
    long count(String name);

    /** The segment's contacts in key order. */
    Page<Contact> contacts(String name, int offset, int limit);

    /**
     * Writes the segment's contacts as CSV (id, email, status, created, every field, tags, lists),
     * streamed from the database; returns how many were written.
     */
    long exportCsv(String name, Writer out) throws IOException;

    /** Names of the segments (predefined included) the contact is in. */
    List<String> segmentsOf(String idOrEmail);

    /** Names of the segments that use the list (as parent or in a condition). */
    List<String> segmentsUsingList(String list);

    /** Copies a segment (typically a predefined one) into a new editable segment. */
    Segment copy(String name, String newName, String actor);
}
