package org.clearance.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request's bearer value that has the shape of an API key, to be checked by {@link ApiKeyIdentityProvider}. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final ApiKeyToken token;

    public ApiKeyAuthenticationRequest(ApiKeyToken token) {
        this.token = token;
    }

    public ApiKeyToken token() {
        return token;
    }
}
