package org.herald.rest.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Basic header parsing and the 401/403 decisions, including every malformed header we could think of. */
class GatekeeperTest {

    private final List<String> logins = new ArrayList<>();

    private final Gatekeeper gate = new Gatekeeper((user, password) -> {
        logins.add(user + ":" + new String(password));
        if (!"s3cret:with:colons".equals(new String(password))) {
            return Optional.empty();
        }
        return Optional.of(new Identity(user, "admin".equals(user) ? Set.of("herald-admin") : Set.of("viewer")));
    }, "herald-admin");

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void validCredentialsWithTheRoleAreAllowedAsThatUser() {
        Gatekeeper.Decision d = gate.decide(basic("admin:s3cret:with:colons"));
        assertThat(d).isInstanceOf(Gatekeeper.Allowed.class);
        assertThat(((Gatekeeper.Allowed) d).identity().user()).isEqualTo("admin");
        assertThat(logins).containsExactly("admin:s3cret:with:colons");
    }

    @Test
    void schemeIsCaseInsensitiveAndUtf8NamesWork() {
        String header = "basic " + Base64.getEncoder()
                .encodeToString("admin:s3cret:with:colons".getBytes(StandardCharsets.UTF_8));
        assertThat(gate.decide(header)).isInstanceOf(Gatekeeper.Allowed.class);
        BasicCredentials c = BasicCredentials.parse(basic("J\u00fcri:p\u00e4ss")).orElseThrow();
        assertThat(c.user()).isEqualTo("J\u00fcri");
        assertThat(new String(c.password())).isEqualTo("p\u00e4ss");
    }

    @Test
    void missingHeaderIs401() {
        Gatekeeper.Refused r = (Gatekeeper.Refused) gate.decide(null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().error()).isEqualTo("unauthorized");
        assertThat(r.body().message()).contains("herald-admin");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "Basic", "Basic ", "Bearer abc.def", "Digest username=x", "Basic !!!!",
            "Basic YWRtaW4=", "Basic OnBhc3M=", "Basic =", "Basic YWRtaW46cGFzcw===", "Basic\tYWRtaW46eA==",
            "Basic /w==", "Basic YWRtaW4Kc2VjcmV0OnM=", "BasicYWRtaW46eA==", "Basic YWRt aW46eA==" })
    void malformedHeaderIs401AndNeverReachesTheRealm(String header) {
        Gatekeeper.Decision d = gate.decide(header);
        assertThat(d).isInstanceOf(Gatekeeper.Refused.class);
        assertThat(((Gatekeeper.Refused) d).status()).isEqualTo(401);
        assertThat(logins).isEmpty();
    }

    @Test
    void wrongPasswordIs401() {
        Gatekeeper.Refused r = (Gatekeeper.Refused) gate.decide(basic("admin:wrong"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().message()).isEqualTo("wrong user name or password");
    }

    @Test
    void userWithoutTheRoleIs403() {
        Gatekeeper.Refused r = (Gatekeeper.Refused) gate.decide(basic("bob:s3cret:with:colons"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().error()).isEqualTo("forbidden");
        assertThat(r.body().message()).contains("'bob'").contains("'herald-admin'");
    }

    @Test
    void passwordIsClearedAfterTheCheck() {
        BasicCredentials c = BasicCredentials.parse(basic("admin:topsecret")).orElseThrow();
        c.clear();
        assertThat(new String(c.password())).doesNotContain("topsecret");
    }
}
