package org.herald.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.herald.common.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * The types callers construct are built through builders whose defaults equal the 1.0 constructors,
 * and the records Herald produces keep every earlier canonical constructor (docs/architecture.md,
 * "How the API grows").
 */
class ApiGrowthTest {

    @Test
    void queryBuilderDefaultsMatchEverythingOnTheFirstPageAndValidateLikeTheConstructor() {
        assertThat(ContactQuery.builder().build()).isEqualTo(new ContactQuery(null, null, null, null, false, 0, 50))
                .isEqualTo(ContactQuery.all());
        ContactQuery q = ContactQuery.builder().status(OptInStatus.CONFIRMED).list("news").tag("vip").search("ann")
                .deleted(true).offset(10).limit(20).build();
        assertThat(q).isEqualTo(new ContactQuery(OptInStatus.CONFIRMED, "news", "vip", "ann", true, 10, 20));
        assertThat(q.page(30, 5)).isEqualTo(q.toBuilder().offset(30).limit(5).build());
        assertThat(q.page(30, 5).list()).isEqualTo("news");
        assertThatThrownBy(() -> ContactQuery.builder().limit(ContactQuery.MAX_LIMIT + 1).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> ContactQuery.all().page(-1, 10)).isInstanceOf(ValidationException.class);
    }

    @Test
    void importOptionsBuilderStartsFromTheDefaults() {
        assertThat(ImportOptions.builder().build()).isEqualTo(ImportOptions.defaults())
                .isEqualTo(new ImportOptions(Set.of(), Set.of(), ',', true));
        ImportOptions semicolon = ImportOptions.builder().lists(Set.of("news")).tags(null).delimiter(';').overwrite(false)
                .build();
        assertThat(semicolon).isEqualTo(new ImportOptions(Set.of("news"), Set.of(), ';', false));
        assertThat(semicolon.withLists(Set.of("offers")).delimiter()).isEqualTo(';');
    }

    @Test
    void changeContextFactoriesAndBuilderAgreeWithTheConstructorAndRequireASource() {
        assertThat(ChangeContext.manage("admin"))
                .isEqualTo(new ChangeContext(ConsentSource.MANAGE, "admin", null, null, null, null));
        ChangeContext form = ChangeContext.builder(ConsentSource.FORM).actor("web").ip("192.0.2.1").userAgent("ua")
                .formId("f1").consentTextVersion("v2").build();
        assertThat(form).isEqualTo(new ChangeContext(ConsentSource.FORM, "web", "192.0.2.1", "ua", "f1", "v2"));
        assertThat(form.withSource(ConsentSource.API).ip()).isEqualTo("192.0.2.1");
        assertThat(form.toString()).doesNotContain("192.0.2.1");
        assertThatThrownBy(() -> ChangeContext.builder(null).build()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void consentEntryBuilderTakesTheProofFromTheChangeContext() {
        Instant at = Instant.parse("2024-05-01T10:00:00Z");
        ChangeContext form = ChangeContext.builder(ConsentSource.FORM).actor("web").ip("192.0.2.1").userAgent("ua")
                .formId("f1").consentTextVersion("v2").build();
        ConsentEntry built = ConsentEntry.builder().contactId("c1").action(ConsentAction.STATUS_CHANGED)
                .status(OptInStatus.PENDING, OptInStatus.CONFIRMED).context(form).at(at).build();
        assertThat(built).isEqualTo(new ConsentEntry(0, "c1", Channel.EMAIL, ConsentAction.STATUS_CHANGED,
                OptInStatus.PENDING, OptInStatus.CONFIRMED, null, ConsentSource.FORM, at, "web", "192.0.2.1", "ua", "f1",
                "v2"));
    }

    @Test
    void contactInputBuilderAndConstructorBuildEqualInputs() {
        ContactInput built = ContactInput.builder("ann@example.com").status(OptInStatus.CONFIRMED).field("city", "Tartu")
                .tag("vip").untag("old").list("news").unsubscribe("offers").monitored(false).build();
        assertThat(built).isEqualTo(new ContactInput("ann@example.com", OptInStatus.CONFIRMED, Map.of("city", "Tartu"),
                Set.of("vip"), Set.of("old"), Set.of("news"), Set.of("offers"), false));
        assertThat(built.toString()).doesNotContain("ann@example.com").doesNotContain("Tartu");
    }

    @Test
    void typesCallersConstructAreFinalClassesSoTheyCanGrowWithoutNewConstructors() {
        for (Class<?> type : new Class<?>[] {ContactQuery.class, ImportOptions.class, ChangeContext.class,
                ContactInput.class}) {
            assertThat(type.isRecord()).as(type.getSimpleName()).isFalse();
            assertThat(Modifier.isFinal(type.getModifiers())).as(type.getSimpleName()).isTrue();
        }
    }

    @Test
    void contactKeepsTheCanonicalConstructorOfItsEarlierShape() throws Exception {
        Class<?>[] shape10 = {String.class, String.class, OptInStatus.class, Map.class, Set.class, Set.class,
                boolean.class, Instant.class, Instant.class, Instant.class};
        Contact old = (Contact) Contact.class.getConstructor(shape10).newInstance("c1", "ann@example.com",
                OptInStatus.CONFIRMED, Map.of(), Set.of(), Set.of(), true, Instant.EPOCH, Instant.EPOCH, null);
        assertThat(old.metrics()).isEqualTo(ContactMetrics.NONE);
    }
}
