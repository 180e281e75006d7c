package org.herald.rest.internal.contacts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ContactExport;
import org.herald.contacts.ImportReport;

/** The small request and response bodies of the contact paths. */
public final class Dtos {

    private Dtos() {
    }

    /** {@code GET /contacts}. */
    public record PageJson(long total, int offset, int limit, List<ContactJson> items) {
    }

    /** {@code GET /contacts/count}. */
    public record CountJson(long count) {
    }

    /** {@code PUT /contacts/{idOrEmail}/status}. */
    public record StatusInput(String status) {
    }

    /** {@code POST /contacts/{idOrEmail}/tags}. */
    public record TagsInput(Collection<String> tags) {
    }

    /** {@code POST /contacts/import}. */
    public record ImportReportJson(long created, long updated, long unchanged, long rejected, List<RowErrorJson> errors,
            java.util.Map<String, String> columns, List<String> ignoredColumns, boolean dryRun) {
        public static ImportReportJson of(ImportReport r) {
            return new ImportReportJson(r.created(), r.updated(), r.unchanged(), r.rejected(),
                    r.errors().stream().map(e -> new RowErrorJson(e.row(), e.reason())).toList(), r.columns(),
                    r.ignoredColumns(), r.dryRun());
        }
    }

    public record RowErrorJson(long row, String reason) {
    }

    /** {@code GET /contacts/{idOrEmail}/export}. */
    public record ContactExportJson(Instant exportedAt, ContactJson contact, List<ConsentEntry> consent) {
        public static ContactExportJson of(ContactExport e) {
            return new ContactExportJson(e.exportedAt(), ContactJson.of(e.contact()), e.consent());
        }
    }
}
