package org.herald.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.herald.common.ConflictException;
import org.herald.common.NotFoundException;
import org.herald.contacts.ListText;
import org.herald.store.ListRecord;
import org.herald.store.ListStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/** Lists and their texts as JPA entities; member counts from the membership table of the contact aggregate. */
@Component(service = ListStore.class)
public class JpaListStore implements ListStore {

    private final Database db;

    @Activate
    public JpaListStore(@Reference Database db) {
        this.db = db;
    }

    @Override
    public List<ListRecord> lists() {
        Map<Long, Long> counts = memberCounts();
        return db.jpa(em -> em.createQuery("SELECT l FROM ListEntity l ORDER BY l.name", ListEntity.class)
                .getResultList().stream().map(l -> toRecord(l, counts.getOrDefault(l.id(), 0L))).toList());
    }

    @Override
    public Optional<ListRecord> findList(String name) {
        return db.jpa(em -> listEntity(em, name)).map(l -> toRecord(l, memberCounts().getOrDefault(l.id(), 0L)));
    }

    @Override
    public Set<String> listNames() {
        return db.jpa(em -> new HashSet<>(em.createQuery("SELECT l.name FROM ListEntity l", String.class).getResultList()));
    }

    private static Optional<ListEntity> listEntity(EntityManager em, String name) {
        return em.createQuery("SELECT l FROM ListEntity l WHERE l.name = :name", ListEntity.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    private static ListEntity existingList(EntityManager em, String name) {
        return listEntity(em, name).orElseThrow(() -> new NotFoundException("list '" + name + "' does not exist"));
    }

    private static ListRecord toRecord(ListEntity l, long members) {
        Map<String, ListText> texts = new LinkedHashMap<>();
        l.texts().forEach((lang, t) -> texts.put(lang, new ListText(t.publicName(), t.description())));
        return new ListRecord(l.name(), texts, members, l.created().toInstant());
    }

    private Map<Long, Long> memberCounts() {
        return db.read("count list members", st -> {
            Map<Long, Long> counts = new HashMap<>();
            PreparedStatement ps = st.get("SELECT m.list_id, COUNT(*) FROM list_member m "
                    + "JOIN contact c ON c.id = m.contact_id WHERE c.deleted_at IS NULL GROUP BY m.list_id");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    @Override
    public ListRecord createList(String name, Instant created) {
        try {
            db.jpaTransaction(em -> {
                if (listEntity(em, name).isPresent()) {
                    throw new ConflictException("list '" + name + "' already exists");
                }
                em.persist(new ListEntity(name, Timestamp.from(created)));
                return null;
            });
        } catch (PersistenceException e) {
            throw new ConflictException("list '" + name + "' already exists");
        }
        return findList(name).orElseThrow();
    }

    @Override
    public ListRecord renameList(String name, String newName) {
        db.jpaTransaction(em -> {
            ListEntity l = existingList(em, name);
            if (!name.equals(newName) && listEntity(em, newName).isPresent()) {
                throw new ConflictException("list '" + newName + "' already exists");
            }
            l.rename(newName);
            return null;
        });
        return findList(newName).orElseThrow();
    }

    @Override
    public ListRecord setListText(String name, String language, ListText text) {
        db.jpaTransaction(em -> {
            ListEntity l = existingList(em, name);
            if (text == null) {
                l.texts().remove(language);
            } else {
                l.texts().put(language, new ListTextValue(text.publicName(), text.description()));
            }
            return null;
        });
        return findList(name).orElseThrow();
    }

    @Override
    public void deleteList(String name) {
        // memberships go with the list (ON DELETE CASCADE); ledger entries keep the name
        db.jpaTransaction(em -> {
            em.remove(existingList(em, name));
            return null;
        });
    }
}
