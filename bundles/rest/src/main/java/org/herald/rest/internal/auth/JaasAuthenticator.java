package org.herald.rest.internal.auth;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in to a JAAS realm (Karaf's {@code karaf} realm by default) and reads the roles from the
 * {@link RolePrincipal}s the realm's login modules add to the subject.
 */
public final class JaasAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);

    private final String realm;
    private final Configuration configuration;

    /** Uses the installation's JAAS configuration, which Karaf provides. */
    public JaasAuthenticator(String realm) {
        this(realm, null);
    }

    /** Uses the given JAAS configuration (tests), or the installation's when null. */
    public JaasAuthenticator(String realm, Configuration configuration) {
        this.realm = realm;
        this.configuration = configuration;
    }

    @Override
    public Optional<Identity> authenticate(String user, char[] password) {
        return authenticate(user, password, null);
    }

    /**
     * Karaf's audit login modules (the file {@code data/security/audit.log}, the {@code audit} log)
     * write the {@link ClientPrincipal}s of the subject: the REST client's address goes in as
     * {@code http(<address>)}, as Karaf's SSH server does for the console.
     */
    @Override
    public Optional<Identity> authenticate(String user, char[] password, String client) {
        Subject subject = new Subject();
        if (client != null && !client.isBlank()) {
            subject.getPrincipals().add(new ClientPrincipal("http", client));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Karaf's JAAS proxy login module resolves the realm's modules through the context class
        // loader; the HTTP thread's loader (the web container's) cannot see them.
        thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
        try {
            LoginContext login = configuration == null
                    ? new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password))
                    : new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password), configuration);
            login.login();
            Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                    .collect(Collectors.toUnmodifiableSet());
            try {
                login.logout();
            } catch (LoginException e) {
                LOG.debug("Logout from realm {} failed", realm, e);
            }
            return Optional.of(new Identity(user, roles));
        } catch (LoginException e) {
            LOG.debug("Login to realm {} refused: {}", realm, e.getMessage());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String user, char[] password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback pass) {
                pass.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
