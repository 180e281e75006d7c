package org.herald.store.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.herald.campaigns.CampaignState;
import org.herald.common.ConflictException;
import org.herald.common.NotFoundException;
import org.herald.store.CampaignStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

/** Campaign definitions and state as JPA entities; state moves under a pessimistic row lock. */
@Component(service = CampaignStore.class)
public class JpaCampaignStore implements CampaignStore {

    private final Database db;

    @Activate
    public JpaCampaignStore(@Reference Database db) {
        this.db = db;
    }

    private static Optional<CampaignEntity> entity(EntityManager em, String name) {
        return em.createQuery("SELECT c FROM CampaignEntity c WHERE c.name = :name", CampaignEntity.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public CampaignRecord create(CampaignRecord campaign) {
        try {
            return db.jpaTransaction(em -> {
                if (entity(em, campaign.name()).isPresent()) {
                    throw new ConflictException("campaign '" + campaign.name() + "' already exists");
                }
                CampaignEntity e = new CampaignEntity(campaign);
                em.persist(e);
                em.flush();
                return e.toRecord();
            });
        } catch (PersistenceException e) {
            throw new ConflictException("campaign '" + campaign.name() + "' already exists");
        }
    }

    @Override
    public CampaignRecord update(CampaignRecord campaign, Collection<CampaignState> states) {
        return db.jpaTransaction(em -> {
            CampaignEntity e = entity(em, campaign.name())
                    .orElseThrow(() -> new NotFoundException("campaign '" + campaign.name() + "' does not exist"));
            em.lock(e, LockModeType.PESSIMISTIC_WRITE);
            if (!states.contains(e.state())) {
                throw new ConflictException("campaign '" + campaign.name() + "' is " + e.state() + ": only a campaign "
                        + states + " can be changed");
            }
            e.apply(campaign);
            return e.toRecord();
        });
    }

    @Override
    public Optional<CampaignRecord> find(String name) {
        return db.jpa(em -> entity(em, name).map(CampaignEntity::toRecord));
    }

    @Override
    public Optional<CampaignRecord> find(long id) {
        return db.jpa(em -> Optional.ofNullable(em.find(CampaignEntity.class, id)).map(CampaignEntity::toRecord));
    }

    @Override
    public List<CampaignRecord> list() {
        return db.jpa(em -> em.createQuery("SELECT c FROM CampaignEntity c ORDER BY c.id", CampaignEntity.class)
                .getResultList().stream().map(CampaignEntity::toRecord).toList());
    }

    @Override
    public List<CampaignRecord> inState(Collection<CampaignState> states) {
        return db.jpa(em -> em.createQuery("SELECT c FROM CampaignEntity c WHERE c.state IN :states ORDER BY c.id",
                CampaignEntity.class).setParameter("states", List.copyOf(states)).getResultList().stream()
                .map(CampaignEntity::toRecord).toList());
    }

    @Override
    public Optional<CampaignRecord> transition(long id, Collection<CampaignState> from, CampaignState to,
            Instant scheduledAt, Instant startedAt, Instant finishedAt) {
        return db.jpaTransaction(em -> {
            CampaignEntity e = em.find(CampaignEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (e == null || !from.contains(e.state())) {
                return Optional.<CampaignRecord>empty();
            }
            e.move(to, scheduledAt, startedAt, finishedAt);
            return Optional.of(e.toRecord());
        });
    }

    @Override
    public Optional<CampaignRecord> decideAbTest(long id, String winner, String reason, Instant at) {
        return db.jpaTransaction(em -> {
            CampaignEntity e = em.find(CampaignEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (e == null || e.state() != CampaignState.SENDING || e.abWinner() != null) {
                return Optional.<CampaignRecord>empty();
            }
            e.decide(winner, reason, at);
            return Optional.of(e.toRecord());
        });
    }

    @Override
    public void abRestQueued(long id, Instant at) {
        db.jpaTransaction(em -> {
            CampaignEntity e = em.find(CampaignEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (e != null) {
                e.restQueued(at);
            }
            return null;
        });
    }

    @Override
    public List<String> usingTemplate(String template) {
        // templates of A/B variants are in the test's JSON: matched by name there
        return list().stream().filter(c -> !c.state().isFinal())
                .filter(c -> c.template().equals(template) || (c.abTest() != null && c.abTest().contains("\"template\":\""
                        + template + "\"")))
                .map(CampaignRecord::name).sorted().toList();
    }

    @Override
    public List<String> usingList(String list) {
        return list().stream().filter(c -> !c.state().isFinal())
                .filter(c -> c.lists().contains(list) || c.excludeLists().contains(list)).map(CampaignRecord::name).toList();
    }
}
