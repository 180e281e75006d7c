/**
 * The storage SPI between the domain bundles and {@code bundles/store}: one store interface per
 * aggregate ({@link org.herald.store.ContactStore} with the bulk path, {@link org.herald.store.FieldStore},
 * {@link org.herald.store.ListStore}, {@link org.herald.store.SuppressionStore},
 * {@link org.herald.store.SettingStore}, {@link org.herald.store.EventStore}, {@link org.herald.store.SegmentStore}), the records as
 * stored, and the storage errors the domain reacts to. It is wiring between Herald's own bundles,
 * implemented only by {@code bundles/store} and versioned with it. Nothing here mentions JPA or SQL; the store bundle is the only implementation
 * and the only bundle that touches JDBC or JPA. The domain rules (validation, opt-in transitions,
 * suppression) live in the callers: the store persists what it is given, atomically.
 * <p>
 * 2.0: {@link org.herald.store.StoreException}, {@link org.herald.store.StaleRecordException} and
 * {@link org.herald.store.DuplicateKeyException} are {@link org.herald.common.TransientException}s
 * (retrying later can succeed); the last two were {@code ConflictException}s, a change of supertype
 * that callers catching {@code ConflictException} notice, hence the major version.
 * 2.1: {@link org.herald.store.SettingStore#claimRun}, scheduled work once across nodes;
 * {@link org.herald.store.SegmentStore} with {@link org.herald.store.SegmentSql}, {@link org.herald.store.SegmentRecord}
 * and {@link org.herald.store.SqlDialect};
 * {@link org.herald.store.TemplateStore}, {@link org.herald.store.CampaignStore} and
 * {@link org.herald.store.MessageStore}.
 * 2.2: {@link org.herald.store.ContactStore#latestListEntries}, the ledger's latest entry per list.
 * 2.2: {@link org.herald.store.BounceStore}, processed bounces and the quarantine; the system messages and
 * the sending-choice ledger entries of {@link org.herald.store.MessageStore}.
 * 2.3: {@link org.herald.store.FormStore}, subscription forms and their waiting subscriptions.
 * 2.4: {@link org.herald.store.SettingStore#claimRun(String, java.time.Instant, java.time.Duration)}, a claimed
 * run held by a renewed lease, so a run whose node died is finished by another.
 * 2.4 also: segment targets: {@link org.herald.store.SegmentCompiler} (implemented by the audience bundle) and the
 * segments of {@link org.herald.store.MessageStore.AudienceQuery}; {@link org.herald.store.MessageStore#linkClicks};
 * A/B tests: the test and its decision on {@link org.herald.store.CampaignStore.CampaignRecord}, the variant of
 * {@link org.herald.store.MessageStore.Recipient} and {@link org.herald.store.MessageStore.MessageRecord}, their figures.
 */
@Export
@Version("2.4.0")
package org.herald.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
