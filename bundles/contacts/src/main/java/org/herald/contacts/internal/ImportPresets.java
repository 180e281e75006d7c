package org.herald.contacts.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.herald.common.ValidationException;
import org.herald.contacts.OptInStatus;

/**
 * The export formats of other tools that an import reads as they are: what each of their columns
 * becomes, which of their columns carry nothing Herald keeps, how they write tags and opt-in states,
 * and what a file's columns say about its contacts' status. docs/import.md describes each one.
 * <p>
 * Column targets are those of a mapping ({@code email}, {@code status}, {@code tags}, {@code lists},
 * {@code monitored}, a field name, {@code -}) plus two only presets use: {@link #UNSUBSCRIBED_FLAG}
 * (a yes/no column; yes means the contact unsubscribed) and {@link #ATTRIBUTES} (a JSON object whose
 * members fill the fields of the same name). A preset's field targets apply only where the field
 * exists; otherwise the column is left out and reported.
 */
final class ImportPresets {

    static final String UNSUBSCRIBED_FLAG = "+unsubscribed";
    static final String ATTRIBUTES = "+attributes";

    /** Address columns every import recognises, whatever the preset: the headers the common tools write. */
    static final Set<String> EMAIL_ALIASES = Set.of("email", "e-mail", "email address", "e-mail address", "email_address",
            "emailaddress", "mail", "email_id");

    enum TagStyle {
        /** Herald's own: {@code a|b}. */
        PIPE,
        /** Mailchimp's: each tag quoted, comma-separated, in one cell: {@code "a","b c"}. */
        QUOTED_LIST,
        /** {@code a,b} or {@code a|b}. */
        COMMA_OR_PIPE
    }

    /**
     * One tool's format. {@code columns}: header (lower case) to target; {@code skipped}: the tool's
     * columns with nothing to keep (left out and reported without needing {@code --ignore-unmapped});
     * {@code statuses}: the tool's status words (lower case) to ours; {@code fileStatus}: the status
     * of contacts whose row names none, from the file's header (lower case).
     */
    record Preset(String name, Map<String, String> columns, Set<String> skipped, Map<String, OptInStatus> statuses,
            Function<Set<String>, OptInStatus> fileStatus, TagStyle tags) {

        OptInStatus status(String word) {
            if (word == null || word.isBlank()) {
                return null;
            }
            OptInStatus s = statuses.get(word.strip().toLowerCase(Locale.ROOT));
            if (s == null) {
                throw new ValidationException("status", word, "column 'status': '" + word + "' is not a " + name
                        + " status (" + String.join(", ", new java.util.TreeSet<>(statuses.keySet())) + ")");
            }
            return s;
        }
    }

    private static final Preset MAILCHIMP = new Preset("mailchimp",
            Map.of("email address", "email", "first name", "firstname", "last name", "lastname", "phone number", "phone",
                    "birthday", "birthday", "address", "address", "tags", "tags"),
            Set.of("member_rating", "optin_time", "optin_ip", "confirm_time", "confirm_ip", "latitude", "longitude",
                    "gmtoff", "dstoff", "timezone", "cc", "region", "last_changed", "leid", "euid", "notes",
                    "unsub_time", "unsub_campaign_title", "unsub_campaign_id", "unsub_reason", "unsub_reason_other",
                    "clean_time", "clean_campaign_title", "clean_campaign_id"),
            Map.of("subscribed", OptInStatus.CONFIRMED, "unsubscribed", OptInStatus.UNSUBSCRIBED,
                    "cleaned", OptInStatus.INACTIVE, "pending", OptInStatus.PENDING, "transactional", OptInStatus.UNKNOWN,
                    "archived", OptInStatus.UNSUBSCRIBED),
            // the audience export is three files; which one a file is shows in its columns
            header -> header.contains("clean_time") ? OptInStatus.INACTIVE
                    : header.contains("unsub_time") ? OptInStatus.UNSUBSCRIBED : OptInStatus.CONFIRMED,
            TagStyle.QUOTED_LIST);

    private static final Preset MAUTIC = new Preset("mautic",
            Map.of("email", "email", "firstname", "firstname", "lastname", "lastname", "tags", "tags",
                    "dnc", UNSUBSCRIBED_FLAG, "donotcontact", UNSUBSCRIBED_FLAG, "do_not_contact", UNSUBSCRIBED_FLAG),
            Set.of("id", "points", "stage", "owner", "owner_id", "date_added", "dateadded", "date_modified",
                    "datemodified", "last_active", "lastactive", "date_identified", "dateidentified", "preferred_locale",
                    "timezone", "attribution", "attribution_date", "ip_address", "ipaddress", "generated_email_domain"),
            Map.of(),
            // Mautic's contact export carries no do-not-contact flag: nobody in it is known to be mailable
            header -> OptInStatus.UNKNOWN,
            TagStyle.COMMA_OR_PIPE);

    private static final Preset LISTMONK = new Preset("listmonk",
            Map.of("email", "email", "name", "name", "attributes", ATTRIBUTES, "attribs", ATTRIBUTES, "status", "status"),
            Set.of("uuid", "id", "created_at", "updated_at"),
            Map.of("enabled", OptInStatus.CONFIRMED, "disabled", OptInStatus.UNSUBSCRIBED,
                    "blocklisted", OptInStatus.UNSUBSCRIBED),
            header -> OptInStatus.CONFIRMED,
            TagStyle.PIPE);

    private static final Preset BREVO = new Preset("brevo",
            Map.of("email", "email", "firstname", "firstname", "lastname", "lastname",
                    "email_blacklisted", UNSUBSCRIBED_FLAG, "blacklisted", UNSUBSCRIBED_FLAG,
                    "emailblacklisted", UNSUBSCRIBED_FLAG, "email_marketing", "status"),
            Set.of("contact id", "contact_id", "id", "added_time", "modified_time", "sms", "sms_blacklisted", "ext_id",
                    "landline_number", "whatsapp", "_listids", "double_opt-in", "double_opt_in", "sms_marketing"),
            Map.of("subscribed", OptInStatus.CONFIRMED, "unsubscribed", OptInStatus.UNSUBSCRIBED,
                    "blacklisted", OptInStatus.UNSUBSCRIBED, "not subscribed", OptInStatus.UNKNOWN),
            header -> OptInStatus.CONFIRMED,
            TagStyle.PIPE);

    private static final Map<String, Preset> ALL = Map.of(MAILCHIMP.name(), MAILCHIMP, MAUTIC.name(), MAUTIC,
            LISTMONK.name(), LISTMONK, BREVO.name(), BREVO);

    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");

    private ImportPresets() {
    }

    /** The preset of that name; a clear error naming the ones there are otherwise. */
    static Preset named(String name) {
        Preset p = ALL.get(name.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new ValidationException("preset", name, "unknown preset '" + name + "': use one of "
                    + String.join(", ", new java.util.TreeSet<>(ALL.keySet())));
        }
        return p;
    }

    static Collection<String> names() {
        return new java.util.TreeSet<>(ALL.keySet());
    }

    /** The tags of one cell, written in {@code style}. */
    static List<String> tags(String cell, TagStyle style) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return switch (style) {
            case PIPE -> List.of(cell.split("\\|"));
            case COMMA_OR_PIPE -> List.of(cell.split("[|,]"));
            case QUOTED_LIST -> {
                try (CSVParser p = CSVFormat.RFC4180.parse(new StringReader(cell))) {
                    List<CSVRecord> records = p.getRecords();
                    yield records.isEmpty() ? List.of() : records.get(0).toList();
                } catch (IOException | UncheckedIOException | IllegalStateException e) {
                    throw new ValidationException("tags", cell, "column 'tags': '" + cell
                            + "' is not a list of quoted tags (\"a\",\"b\")");
                }
            }
        };
    }

    /**
     * A date field's value as the tools write it: their date-times ({@code 2024-01-15 10:22:31},
     * ISO with offset) become the date they start with; anything else is passed on unchanged.
     */
    static String date(String value) {
        var m = DATE_TIME.matcher(value.strip());
        return m.matches() ? m.group(1) : value;
    }

    /** A yes/no flag as the tools write it; null when blank. */
    static Boolean flag(String column, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "y" -> Boolean.TRUE;
            case "false", "no", "0", "n" -> Boolean.FALSE;
            default -> throw new ValidationException(column, value, "column '" + column + "': '" + value
                    + "' is not a yes/no value");
        };
    }
}
