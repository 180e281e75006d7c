package org.herald.rest.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;

/** Logging in through real JAAS: a realm whose login module adds Karaf's RolePrincipals. */
class JaasAuthenticatorTest {

    /** The client principals each login attempt saw, in order. */
    static final java.util.List<String> CLIENTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A realm with two users, password "pw": admin (herald-admin, admin) and bob (viewer). */
    public static final class TwoUsersLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> shared, Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            // what an audit login module sees of the request
            CLIENTS.add(subject.getPrincipals(org.apache.karaf.jaas.boot.principal.ClientPrincipal.class).stream()
                    .map(java.security.Principal::getName).toList().toString());
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] { name, password });
            } catch (Exception e) {
                throw new LoginException(e.getMessage());
            }
            if (!"pw".equals(new String(password.getPassword()))
                    || !("admin".equals(name.getName()) || "bob".equals(name.getName()))) {
                throw new FailedLoginException("login failed");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new UserPrincipal(user));
            if (user.equals("admin")) {
                subject.getPrincipals().add(new RolePrincipal("herald-admin"));
                subject.getPrincipals().add(new RolePrincipal("admin"));
            } else {
                subject.getPrincipals().add(new RolePrincipal("viewer"));
            }
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().clear();
            return true;
        }
    }

    private static final Configuration REALMS = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            if (!"herald-test".equals(name)) {
                return null;
            }
            return new AppConfigurationEntry[] { new AppConfigurationEntry(TwoUsersLoginModule.class.getName(),
                    AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of()) };
        }
    };

    private final JaasAuthenticator jaas = new JaasAuthenticator("herald-test", REALMS);

    @Test
    void rolesComeFromTheRolePrincipals() {
        Identity admin = jaas.authenticate("admin", "pw".toCharArray()).orElseThrow();
        assertThat(admin.user()).isEqualTo("admin");
        assertThat(admin.roles()).containsExactlyInAnyOrder("herald-admin", "admin");
        assertThat(jaas.authenticate("bob", "pw".toCharArray()).orElseThrow().roles()).containsExactly("viewer");
    }

    @Test
    void wrongPasswordOrUnknownRealmIsNoIdentity() {
        assertThat(jaas.authenticate("admin", "nope".toCharArray())).isEmpty();
        assertThat(new JaasAuthenticator("no-such-realm", REALMS).authenticate("admin", "pw".toCharArray())).isEmpty();
    }

    @Test
    void contextClassLoaderIsRestoredAfterLogin() {
        ClassLoader mine = new ClassLoader(null) { };
        Thread.currentThread().setContextClassLoader(mine);
        try {
            jaas.authenticate("admin", "pw".toCharArray());
            jaas.authenticate("admin", "wrong".toCharArray());
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(mine);
        } finally {
            Thread.currentThread().setContextClassLoader(JaasAuthenticatorTest.class.getClassLoader());
        }
    }

    @Test
    void gatekeeperOverJaasGives403ToAUserWithoutTheRole() {
        Gatekeeper gate = new Gatekeeper(jaas, "herald-admin");
        String bob = "Basic " + java.util.Base64.getEncoder().encodeToString("bob:pw".getBytes());
        String admin = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:pw".getBytes());
        assertThat(((Gatekeeper.Refused) gate.decide(bob)).status()).isEqualTo(403);
        assertThat(gate.decide(admin)).isInstanceOf(Gatekeeper.Allowed.class);
    }

    @org.junit.jupiter.api.Test
    void theClientAddressIsInTheSubjectTheAuditModulesSee() {
        CLIENTS.clear();
        assertThat(jaas.authenticate("admin", "pw".toCharArray(), "192.0.2.44")).isPresent();
        assertThat(jaas.authenticate("admin", "wrong".toCharArray(), "198.51.100.7")).isEmpty();
        assertThat(jaas.authenticate("admin", "pw".toCharArray())).isPresent();
        assertThat(CLIENTS).containsExactly("[http(192.0.2.44)]", "[http(198.51.100.7)]", "[]");
    }
}
