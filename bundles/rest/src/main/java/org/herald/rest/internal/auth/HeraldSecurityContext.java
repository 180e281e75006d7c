package org.herald.rest.internal.auth;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

/** The security context of an authenticated request: the principal's name is the user name. */
public final class HeraldSecurityContext implements SecurityContext {

    private final Identity identity;
    private final boolean secure;

    public HeraldSecurityContext(Identity identity, boolean secure) {
        this.identity = identity;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        String user = identity.user();
        return () -> user;
    }

    @Override
    public boolean isUserInRole(String role) {
        return identity.roles().contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return BASIC_AUTH;
    }
}
