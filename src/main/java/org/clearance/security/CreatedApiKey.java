package org.clearance.security;

/** A key just created: its listing and the secret key text, which is shown this once and never stored. */
public record CreatedApiKey(ApiKeyView key, String secret) {
}
