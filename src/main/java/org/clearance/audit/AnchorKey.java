package org.clearance.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The Ed25519 key that signs export anchors (JDK {@code Ed25519}, no extra library): a PKCS#8 PEM private key, with
 * its X.509 PEM public key beside it as {@code FILE.pub}. {@code clearance audit keygen FILE} makes both.
 */
public final class AnchorKey {

    private final PrivateKey privateKey;
    private final String publicKeyPem;

    private AnchorKey(PrivateKey privateKey, String publicKeyPem) {
        this.privateKey = privateKey;
        this.publicKeyPem = publicKeyPem;
    }

    public static AnchorKey load(Path file) throws IOException {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(file))));
            Path pub = Path.of(file + ".pub");
            return new AnchorKey(key, Files.isRegularFile(pub) ? Files.readString(pub).strip() : null);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + ": not an Ed25519 PKCS#8 PEM private key", e);
        }
    }

    /** Writes a new key pair: {@code file} readable by its owner only, {@code file.pub} for auditors. */
    public static void generate(Path file) throws IOException {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(Path.of(file + ".pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
        }
    }

    public String sign(String text) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<String> publicKeyPem() {
        return Optional.ofNullable(publicKeyPem);
    }

    /** Whether {@code value} (base64) is a valid signature of {@code text} by the public key {@code publicPem}. */
    public static boolean verify(String publicPem, String text, String value) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(pem(publicPem)));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(value));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
