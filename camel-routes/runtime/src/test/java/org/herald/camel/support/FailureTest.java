package org.herald.camel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.herald.common.ConflictException;
import org.herald.common.HeraldException;
import org.herald.common.InUseException;
import org.herald.common.NotFoundException;
import org.herald.common.TransientException;
import org.herald.common.ValidationException;
import org.herald.store.DuplicateKeyException;
import org.herald.store.StaleRecordException;
import org.herald.store.StoreException;
import org.junit.jupiter.api.Test;

/** Which failures park a message at once and which are redelivered. */
class FailureTest {

    @Test
    void theDatabaseFailingAndLostRacesAreTransient() {
        assertThat(Failure.of(new StoreException("cannot read a contact", new SQLTransientConnectionException("x"))))
                .isEqualTo(Failure.TRANSIENT);
        assertThat(Failure.of(new StaleRecordException("changed meanwhile"))).isEqualTo(Failure.TRANSIENT);
        assertThat(Failure.of(new DuplicateKeyException("saved meanwhile"))).isEqualTo(Failure.TRANSIENT);
        assertThat(Failure.of(new TransientException("kept changing", new StaleRecordException("x"))))
                .isEqualTo(Failure.TRANSIENT);
    }

    @Test
    void aDatabaseFailureNobodyTranslatedIsStillTransient() {
        RuntimeException jpa = new RuntimeException("Exception [EclipseLink-4002]",
                new SQLTransientConnectionException("Connection refused"));
        assertThat(Failure.of(jpa)).isEqualTo(Failure.TRANSIENT);
    }

    @Test
    void wrongInputIsRejected() {
        assertThat(Failure.of(new ValidationException("email", "x", "not an address"))).isEqualTo(Failure.REJECTED);
        assertThat(Failure.of(new ConflictException("address taken"))).isEqualTo(Failure.REJECTED);
        assertThat(Failure.of(new InUseException("in use", java.util.List.of("a")))).isEqualTo(Failure.REJECTED);
        assertThat(Failure.of(new NotFoundException("no such list"))).isEqualTo(Failure.REJECTED);
        assertThat(Failure.of(new HeraldException("from an older extension"))).isEqualTo(Failure.REJECTED);
    }

    @Test
    void anythingElseIsUnexpected() {
        assertThat(Failure.of(new NullPointerException())).isEqualTo(Failure.UNEXPECTED);
        assertThat(Failure.of(new IllegalStateException("bug", new IllegalArgumentException()))).isEqualTo(Failure.UNEXPECTED);
    }
}
