package org.herald.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.herald.common.ConflictException;
import org.herald.common.NotFoundException;
import org.herald.store.EventWrite;
import org.herald.store.FormStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The one mapping of {@code subscription_form}, {@code form_consent_text}, {@code form_submission} and {@code form_token_used}. */
@Component(service = FormStore.class)
public class JdbcFormStore implements FormStore {

    private static final String FORM_COLUMNS = "name, definition, consent_version, created_at, updated_at";
    private static final String SUBMISSION_COLUMNS = "s.id, s.form_name, c.public_id, s.lists, s.consent_version, "
            + "s.consent_sha256, s.ip, s.user_agent, s.submitted_at, s.field_values";

    private final Database db;

    @Activate
    public JdbcFormStore(@Reference Database db) {
        this.db = db;
    }

    private static FormRecord form(ResultSet rs) throws SQLException {
        return new FormRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant());
    }

    @Override
    public List<FormRecord> forms() {
        return db.read("list forms", st -> {
            List<FormRecord> out = new ArrayList<>();
            try (ResultSet rs = st.get("SELECT " + FORM_COLUMNS + " FROM subscription_form ORDER BY name").executeQuery()) {
                while (rs.next()) {
                    out.add(form(rs));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<FormRecord> find(String name) {
        return db.read("read a form", st -> find(st, name));
    }

    private static Optional<FormRecord> find(Statements st, String name) throws SQLException {
        PreparedStatement ps = st.get("SELECT " + FORM_COLUMNS + " FROM subscription_form WHERE name = ?");
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(form(rs)) : Optional.empty();
        }
    }

    @Override
    public FormRecord create(FormRecord form, ConsentTextRecord consent) {
        return db.transaction("create a form", st -> {
            PreparedStatement in = st.get("INSERT INTO subscription_form (" + FORM_COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
            in.setString(1, form.name());
            in.setString(2, form.definition());
            in.setInt(3, consent == null ? 0 : consent.version());
            in.setTimestamp(4, Timestamp.from(form.created()));
            in.setTimestamp(5, Timestamp.from(form.updated()));
            try {
                st.dialect().tolerating(st.connection(), in::executeUpdate);
            } catch (SQLException e) {
                if (Dialect.isUniqueViolation(e)) {
                    throw new ConflictException("form '" + form.name() + "' already exists");
                }
                throw e;
            }
            if (consent != null) {
                insertConsent(st, form.name(), consent);
            }
            return find(st, form.name()).orElseThrow();
        });
    }

    private static void insertConsent(Statements st, String form, ConsentTextRecord consent) throws SQLException {
        // a form deleted and created again under its name continues the numbering of its texts
        PreparedStatement exists = st.get("SELECT 1 FROM form_consent_text WHERE form_name = ? AND version = ?");
        exists.setString(1, form);
        exists.setInt(2, consent.version());
        try (ResultSet rs = exists.executeQuery()) {
            if (rs.next()) {
                return;
            }
        }
        PreparedStatement in = st.get("INSERT INTO form_consent_text (form_name, version, body, sha256, created_at) "
                + "VALUES (?, ?, ?, ?, ?)");
        in.setString(1, form);
        in.setInt(2, consent.version());
        in.setString(3, consent.text());
        in.setString(4, consent.sha256());
        in.setTimestamp(5, Timestamp.from(consent.created()));
        in.executeUpdate();
    }

    @Override
    public FormRecord update(FormRecord form, ConsentTextRecord newConsent) {
        return db.transaction("change a form", st -> {
            PreparedStatement up = st.get("UPDATE subscription_form SET definition = ?, consent_version = ?, updated_at = ? "
                    + "WHERE name = ?");
            up.setString(1, form.definition());
            up.setInt(2, newConsent == null ? form.consentVersion() : newConsent.version());
            up.setTimestamp(3, Timestamp.from(form.updated()));
            up.setString(4, form.name());
            if (up.executeUpdate() == 0) {
                throw new NotFoundException("form '" + form.name() + "' does not exist");
            }
            if (newConsent != null) {
                insertConsent(st, form.name(), newConsent);
            }
            return find(st, form.name()).orElseThrow();
        });
    }

    @Override
    public boolean delete(String name) {
        return db.transaction("delete a form", st -> {
            PreparedStatement del = st.get("DELETE FROM subscription_form WHERE name = ?");
            del.setString(1, name);
            return del.executeUpdate() > 0;
        });
    }

    private static ConsentTextRecord consent(ResultSet rs) throws SQLException {
        return new ConsentTextRecord(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4).strip(),
                rs.getTimestamp(5).toInstant());
    }

    @Override
    public List<ConsentTextRecord> consentTexts(String form) {
        return db.read("read consent texts", st -> {
            PreparedStatement ps = st.get("SELECT form_name, version, body, sha256, created_at FROM form_consent_text "
                    + "WHERE form_name = ? ORDER BY version");
            ps.setString(1, form);
            List<ConsentTextRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(consent(rs));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<ConsentTextRecord> consentText(String form, int version) {
        return db.read("read a consent text", st -> {
            PreparedStatement ps = st.get("SELECT form_name, version, body, sha256, created_at FROM form_consent_text "
                    + "WHERE form_name = ? AND version = ?");
            ps.setString(1, form);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(consent(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public long addSubmission(SubmissionRecord s, boolean confirmed, EventWrite event) {
        return db.transaction("keep a form subscription", st -> {
            PreparedStatement key = st.get("SELECT id FROM contact WHERE public_id = ?");
            key.setString(1, s.contactId());
            long contactKey;
            try (ResultSet rs = key.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("contact '" + s.contactId() + "' does not exist");
                }
                contactKey = rs.getLong(1);
            }
            PreparedStatement in = st.connection().prepareStatement("INSERT INTO form_submission (form_name, contact_id, "
                    + "lists, consent_version, consent_sha256, ip, user_agent, submitted_at, field_values"
                    + ", confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            try (in) {
                in.setString(1, s.form());
                in.setLong(2, contactKey);
                in.setString(3, String.join(",", s.lists()));
                in.setInt(4, s.consentVersion());
                in.setString(5, s.consentSha256());
                in.setString(6, cut(s.ip(), 64));
                in.setString(7, cut(s.userAgent(), 512));
                in.setTimestamp(8, Timestamp.from(s.submittedAt()));
                in.setString(9, s.fieldValues() == null ? "{}" : s.fieldValues());
                in.setTimestamp(10, confirmed ? Timestamp.from(s.submittedAt()) : null);
                in.executeUpdate();
                long id;
                try (ResultSet rs = in.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                if (event != null) {
                    EventTable.append(st, List.of(event.forContact(contactKey, s.contactId())));
                }
                return id;
            }
        });
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public List<SubmissionRecord> pendingSubmissions(String contactId, Instant since) {
        return db.read("read waiting form subscriptions", st -> {
            PreparedStatement ps = st.get("SELECT " + SUBMISSION_COLUMNS + " FROM form_submission s JOIN contact c "
                    + "ON c.id = s.contact_id WHERE c.public_id = ? AND s.confirmed_at IS NULL AND s.submitted_at >= ? "
                    + "ORDER BY s.id");
            ps.setString(1, contactId);
            ps.setTimestamp(2, Timestamp.from(since));
            List<SubmissionRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String lists = rs.getString(4);
                    String sha = rs.getString(6);
                    out.add(new SubmissionRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                            lists.isEmpty() ? List.of() : Arrays.asList(lists.split(",")), rs.getString(10), rs.getInt(5),
                            sha == null ? null : sha.strip(), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant()));
                }
            }
            return out;
        });
    }

    @Override
    public List<Long> confirmSubmissions(List<Long> ids, Instant at) {
        return db.transaction("confirm form subscriptions", st -> {
            PreparedStatement up = st.get("UPDATE form_submission SET confirmed_at = ? WHERE id = ? AND confirmed_at IS NULL");
            List<Long> done = new ArrayList<>();
            for (long id : ids) {
                up.setTimestamp(1, Timestamp.from(at));
                up.setLong(2, id);
                if (up.executeUpdate() > 0) {
                    done.add(id);
                }
            }
            return done;
        });
    }

    @Override
    public int purgeSubmissions(Instant cutoff) {
        return db.transaction("purge unconfirmed form subscriptions", st -> {
            PreparedStatement del = st.get("DELETE FROM form_submission WHERE confirmed_at IS NULL AND submitted_at < ?");
            del.setTimestamp(1, Timestamp.from(cutoff));
            return del.executeUpdate();
        });
    }

    @Override
    public boolean useOnce(String key, Instant expires) {
        return db.transaction("register a single-use answer", st -> {
            PreparedStatement purge = st.get("DELETE FROM form_token_used WHERE expires_at < ?");
            purge.setTimestamp(1, Timestamp.from(Instant.now()));
            purge.executeUpdate();
            PreparedStatement in = st.get("INSERT INTO form_token_used (token_key, expires_at) VALUES (?, ?)");
            in.setString(1, key);
            in.setTimestamp(2, Timestamp.from(expires));
            try {
                st.dialect().tolerating(st.connection(), in::executeUpdate);
                return true;
            } catch (SQLException e) {
                if (Dialect.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }
}
