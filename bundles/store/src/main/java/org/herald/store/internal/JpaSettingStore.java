package org.herald.store.internal;

import org.herald.store.SettingStore;
import org.herald.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.PersistenceException;

/** Installation-wide settings ({@code herald_setting}) as JPA entities. */
@Component(service = SettingStore.class)
public class JpaSettingStore implements SettingStore {

    private final Database db;

    @Activate
    public JpaSettingStore(@Reference Database db) {
        this.db = db;
    }

    @Override
    public String setting(String name, String initial) {
        SettingEntity existing = db.jpa(em -> em.find(SettingEntity.class, name));
        if (existing != null) {
            return existing.value();
        }
        try {
            db.jpaTransaction(em -> {
                em.persist(new SettingEntity(name, initial));
                return null;
            });
            return initial;
        } catch (PersistenceException e) {
            // another node stored it first: theirs wins
            SettingEntity stored = db.jpa(em -> em.find(SettingEntity.class, name));
            if (stored == null) {
                throw new StoreException("cannot store setting '" + name + "'", e);
            }
            return stored.value();
        }
    }
}
