package org.clearance.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider for the console's login tests, on a port of its own: discovery, keys, an authorization
 * endpoint that signs in {@link #USER} at once (as a provider does once its user has logged in), and a token endpoint
 * that trades the code for an ID token signed with a key made for this run. Nothing leaves the machine.
 */
public class FakeIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String USER = "ann.officer";
    static final String CLIENT = "clearance-console";
    static final List<String> ROLES = List.of("officer");

    private HttpServer server;
    private KeyPair key;
    private String issuer;
    private final Map<String, String> codes = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            server.createContext("/.well-known/openid-configuration", e -> json(e, """
                    {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                     "jwks_uri": "%1$s/keys", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                     "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer)));
            server.createContext("/keys", e -> json(e, jwks()));
            server.createContext("/authorize", this::authorize);
            server.createContext("/token", this::token);
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.console.auth-server-url", issuer);
        config.put("quarkus.oidc.console.client-id", CLIENT);
        config.put("quarkus.oidc.console.credentials.secret", "test-only-client-secret");
        config.put("quarkus.oidc.console.application-type", "web-app");
        config.put("quarkus.oidc.console.tenant-paths", "/console/oidc/*");
        config.put("quarkus.oidc.console.roles.role-claim-path", "clearance_roles");
        return config;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        codes.put(code, query.getOrDefault("nonce", ""));
        String target = query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", target);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String nonce = codes.remove(form.get("code"));
        if (nonce == null) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        var builder = Jwt.issuer(issuer).subject("sub-" + USER).audience(CLIENT).claim("preferred_username", USER)
                .claim("clearance_roles", ROLES).expiresIn(300);
        if (!nonce.isEmpty()) {
            builder.claim("nonce", nonce);
        }
        String idToken = builder.jws().keyId("test").sign(key.getPrivate());
        String accessToken = Jwt.issuer(issuer).subject("sub-" + USER).audience(CLIENT).expiresIn(300)
                .jws().keyId("test").sign(key.getPrivate());
        json(exchange, """
                {"access_token": "%s", "id_token": "%s", "token_type": "Bearer", "expires_in": 300}"""
                .formatted(accessToken, idToken));
    }

    private String jwks() {
        RSAPublicKey rsa = (RSAPublicKey) key.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return """
                {"keys": [{"kty": "RSA", "kid": "test", "use": "sig", "alg": "RS256", "n": "%s", "e": "%s"}]}"""
                .formatted(b64.encodeToString(unsigned(rsa.getModulus().toByteArray())),
                        b64.encodeToString(unsigned(rsa.getPublicExponent().toByteArray())));
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static Map<String, String> query(String text) {
        Map<String, String> values = new HashMap<>();
        if (text != null) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
