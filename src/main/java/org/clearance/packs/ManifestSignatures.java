package org.clearance.packs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * The bundle's {@code .signatures.json}, as OPA bundles have one: {@code {"signatures": ["<JWS>", …]}}. Each entry is a
 * JWS (RFC 7515) in compact serialization with a detached payload (Appendix F): the payload is exactly the bytes of
 * {@code manifest.json}, which the verifier supplies, so the signature covers the manifest as stored and, through its
 * digests, every file. The protected header holds {@code alg} (EdDSA or PS256), {@code kid} (the key's RFC 7638
 * thumbprint) and {@code typ}.
 */
public final class ManifestSignatures {

    static final String TYPE = "clearance-pack-manifest+jws";
    private static final AlgorithmConstraints ALGORITHMS = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, PackKeys.Algorithm.ED25519.jws(), PackKeys.Algorithm.RSA.jws());
    private static final int MAX_SIGNATURES = 16;

    private ManifestSignatures() {
    }

    /** The {@code .signatures.json} bytes holding one signature of {@code manifest} by {@code key}. */
    public static byte[] sign(byte[] manifest, SigningKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayloadBytes(manifest);
            jws.setAlgorithmHeaderValue(PackKeys.algorithm(key.privateKey()).jws());
            jws.setKeyIdHeaderValue(key.keyId());
            jws.setHeader("typ", TYPE);
            jws.setKey(key.privateKey());
            String compact = jws.getDetachedContentCompactSerialization();
            var root = ManifestJson.MAPPER.createObjectNode();
            root.putArray("signatures").add(compact);
            return ManifestJson.canonical(root);
        } catch (JoseException e) {
            throw new PackKeyException("cannot sign with key " + key.keyId() + ": " + e.getMessage());
        }
    }

    /**
     * The trusted key that signed {@code manifest}. Refused when no signature is by a trusted key, or when one by a
     * trusted key does not match the manifest (a changed manifest, or a forged signature).
     */
    public static TrustedKeys.TrustedKey verify(byte[] manifest, byte[] signaturesJson, TrustedKeys trusted) {
        List<String> signatures = read(signaturesJson);
        List<String> untrusted = new ArrayList<>();
        for (String compact : signatures) {
            JsonWebSignature jws = new JsonWebSignature();
            String keyId;
            String[] parts = compact.split("\\.", -1);
            if (parts.length != 3 || !parts[1].isEmpty()) {
                throw refused("holds a signature that is not a JWS with a detached payload (header..signature)");
            }
            try {
                jws.setAlgorithmConstraints(ALGORITHMS);
                // Put the manifest back where the detached payload was: what is verified is exactly manifest.json.
                jws.setCompactSerialization(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(manifest)
                        + "." + parts[2]);
                keyId = jws.getKeyIdHeaderValue();
            } catch (JoseException e) {
                throw refused("holds a signature that is not a JWS: " + e.getMessage());
            }
            TrustedKeys.TrustedKey key = trusted.find(keyId);
            if (key == null) {
                untrusted.add(keyId == null ? "(no kid)" : BundlePath.printable(keyId));
                continue;
            }
            if (!TYPE.equals(jws.getHeader("typ"))) {
                throw refused("holds a signature by " + key.label() + " whose typ is not " + TYPE + ": it signs something else");
            }
            boolean valid;
            try {
                jws.setKey(key.key());
                valid = jws.verifySignature();
            } catch (JoseException e) {
                throw refused("holds a signature by " + key.label() + " that cannot be checked: " + e.getMessage());
            }
            if (!valid) {
                throw new PackBundleRefusedException("the signature by " + key.label() + " in " + BundlePath.SIGNATURES
                        + " does not match " + BundlePath.MANIFEST + ": the manifest was changed after signing, or the signature is forged");
            }
            return key;
        }
        throw new PackBundleRefusedException(BundlePath.SIGNATURES + " holds no signature by a trusted key: signed by key "
                + String.join(", ", untrusted) + "; trusted: " + String.join(", ",
                trusted.all().stream().map(k -> k.label() + " (" + k.keyId() + ")").toList()));
    }

    /** The key ids the signatures name, without checking them: for {@code packs inspect}. */
    public static List<String> keyIds(byte[] signaturesJson) {
        List<String> ids = new ArrayList<>();
        for (String compact : read(signaturesJson)) {
            try {
                JsonWebSignature jws = new JsonWebSignature();
                jws.setCompactSerialization(compact);
                ids.add(jws.getAlgorithmHeaderValue() + " " + jws.getKeyIdHeaderValue());
            } catch (JoseException e) {
                ids.add("(not a JWS)");
            }
        }
        return ids;
    }

    private static List<String> read(byte[] signaturesJson) {
        JsonNode root;
        try (JsonParser parser = ManifestJson.MAPPER.getFactory().createParser(signaturesJson)) {
            root = ManifestJson.MAPPER.readTree(parser);
        } catch (IOException e) {
            throw refused("is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode list = root == null ? null : root.get("signatures");
        if (list == null || !list.isArray() || list.isEmpty() || root.size() != 1) {
            throw refused("must be {\"signatures\": [\"<JWS>\", …]} with at least one signature");
        }
        if (list.size() > MAX_SIGNATURES) {
            throw refused("holds more than " + MAX_SIGNATURES + " signatures");
        }
        List<String> signatures = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw refused("must hold JWS strings");
            }
            signatures.add(item.textValue());
        }
        return signatures;
    }

    private static PackBundleRefusedException refused(String what) {
        return new PackBundleRefusedException(BundlePath.SIGNATURES + " " + what);
    }
}
