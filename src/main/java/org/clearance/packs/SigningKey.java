package org.clearance.packs;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** A publisher's private key with its public half, checked to belong together, and the id signatures name it by. */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

    public SigningKey {
        PackKeys.Algorithm algorithm = PackKeys.algorithm(privateKey);
        if (PackKeys.algorithm(publicKey) != algorithm || !matches(privateKey, publicKey)) {
            throw new IllegalArgumentException("the public key is not the private key's own half");
        }
    }

    public String keyId() {
        return PackKeys.keyId(publicKey);
    }

    /** Signs a probe with one key and verifies it with the other: the only check both key types allow. */
    private static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        try {
            String algorithm = PackKeys.algorithm(privateKey) == PackKeys.Algorithm.RSA ? "SHA256withRSA" : "Ed25519";
            byte[] probe = "clearance pack key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
