package org.herald.store.internal;

import java.util.List;
import java.util.Optional;

import org.herald.store.TemplateStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;

/** Templates as JPA entities. */
@Component(service = TemplateStore.class)
public class JpaTemplateStore implements TemplateStore {

    private final Database db;

    @Activate
    public JpaTemplateStore(@Reference Database db) {
        this.db = db;
    }

    private static Optional<TemplateEntity> entity(EntityManager em, String name) {
        return em.createQuery("SELECT t FROM TemplateEntity t WHERE t.name = :name", TemplateEntity.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public TemplateRecord save(TemplateRecord template) {
        return db.jpaTransaction(em -> {
            Optional<TemplateEntity> existing = entity(em, template.name());
            if (existing.isPresent()) {
                existing.get().apply(template);
                return existing.get().toRecord();
            }
            TemplateEntity e = new TemplateEntity(template);
            em.persist(e);
            return e.toRecord();
        });
    }

    @Override
    public Optional<TemplateRecord> find(String name) {
        return db.jpa(em -> entity(em, name).map(TemplateEntity::toRecord));
    }

    @Override
    public List<TemplateRecord> list() {
        return db.jpa(em -> em.createQuery("SELECT t FROM TemplateEntity t ORDER BY t.name", TemplateEntity.class)
                .getResultList().stream().map(TemplateEntity::toRecord).toList());
    }

    @Override
    public boolean delete(String name) {
        return db.jpaTransaction(em -> {
            Optional<TemplateEntity> e = entity(em, name);
            e.ifPresent(em::remove);
            return e.isPresent();
        });
    }
}
