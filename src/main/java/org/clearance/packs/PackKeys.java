package org.clearance.packs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.EncodedKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Publisher key pairs in PEM files that OpenSSL also reads and writes: the private key as PKCS#8
 * ({@code BEGIN PRIVATE KEY}, RFC 5208), the public key as SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}, RFC 5280).
 * The {@code .key} file holds its public key too, after the private one: Java cannot derive an Ed25519 public key
 * from the private one, and the signature names the key it was made with. Ed25519 (RFC 8032) by default; RSA keys
 * sign with RSASSA-PSS. A key's id is its RFC 7638 JWK thumbprint.
 */
public final class PackKeys {

    /** The key types a publisher may use, and the JWS algorithm (RFC 8037, RFC 7518) each signs with. */
    public enum Algorithm {
        ED25519("EdDSA"), RSA("PS256");

        private final String jws;

        Algorithm(String jws) {
            this.jws = jws;
        }

        public String jws() {
            return jws;
        }
    }

    private static final int RSA_BITS = 3072;
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PackKeys() {
    }

    public static KeyPair generate(Algorithm algorithm) {
        try {
            if (algorithm == Algorithm.RSA) {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(RSA_BITS);
                return rsa.generateKeyPair();
            }
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot generate " + algorithm + " keys", e);
        }
    }

    /**
     * Writes {@code name.key} (readable by its owner only, where the file system has POSIX permissions) and
     * {@code name.pub}; refuses to overwrite either, since a lost private key cannot sign the pack's next version.
     */
    public static List<Path> writePair(Path name, KeyPair pair) {
        Path privateFile = name.resolveSibling(name.getFileName() + ".key");
        Path publicFile = name.resolveSibling(name.getFileName() + ".pub");
        for (Path file : List.of(privateFile, publicFile)) {
            if (Files.exists(file)) {
                throw new PackKeyException(file + " already exists; choose another name or move it away first");
            }
        }
        try {
            Path parent = privateFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean posix = Files.getFileStore(parent).supportsFileAttributeView("posix");
            // Created owner-only, not narrowed afterwards: no moment at which others could read it.
            if (posix) {
                Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(privateFile);
            }
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardOpenOption.TRUNCATE_EXISTING);
            Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardOpenOption.CREATE_NEW);
            return List.of(privateFile, publicFile);
        } catch (FileAlreadyExistsException e) {
            throw new PackKeyException(e.getFile() + " already exists; choose another name or move it away first");
        } catch (IOException e) {
            throw new PackKeyException("cannot write the key pair " + name + ": " + e);
        }
    }

    /** A {@code .key} file: the private key and the public key after it, checked to be one pair. */
    public static SigningKey readSigningKey(Path file) {
        String text = readText(file);
        Matcher pem = PEM.matcher(text);
        if (!pem.find() || !pem.group(1).equals("PRIVATE KEY")) {
            throw new PackKeyException(file + " is not a PEM 'PRIVATE KEY' file (sign with the .key file, not the .pub)");
        }
        PrivateKey privateKey = (PrivateKey) decode(file, "PRIVATE KEY", pem.group(2));
        if (!pem.find() || !pem.group(1).equals("PUBLIC KEY")) {
            throw new PackKeyException(file + " lacks its public key after the private one; append it: cat NAME.pub >> NAME.key");
        }
        PublicKey publicKey = (PublicKey) decode(file, "PUBLIC KEY", pem.group(2));
        try {
            return new SigningKey(privateKey, publicKey);
        } catch (IllegalArgumentException e) {
            throw new PackKeyException(file + ": " + e.getMessage());
        }
    }

    /** A {@code .pub} file. */
    public static PublicKey readPublic(Path file) {
        Matcher pem = PEM.matcher(readText(file));
        if (!pem.find() || !pem.group(1).equals("PUBLIC KEY")) {
            throw new PackKeyException(file + " is not a PEM 'PUBLIC KEY' file (trust the .pub file, not the .key)");
        }
        return (PublicKey) decode(file, "PUBLIC KEY", pem.group(2));
    }

    private static String readText(Path file) {
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new PackKeyException(file + " is too large to be a key file");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new PackKeyException(file + " does not exist");
        } catch (IOException e) {
            throw new PackKeyException(file + " cannot be read: " + e.getMessage());
        }
    }

    private static Key decode(Path file, String type, String base64) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new PackKeyException(file + " holds invalid base64");
        }
        for (String algorithm : List.of("Ed25519", "RSA")) {
            try {
                KeyFactory factory = KeyFactory.getInstance(algorithm);
                EncodedKeySpec spec = type.equals("PUBLIC KEY") ? new X509EncodedKeySpec(der) : new PKCS8EncodedKeySpec(der);
                Key key = type.equals("PUBLIC KEY") ? factory.generatePublic(spec) : factory.generatePrivate(spec);
                algorithm(key); // refuses e.g. a weak RSA key
                return key;
            } catch (GeneralSecurityException | ClassCastException e) {
                // not this algorithm; try the next
            } catch (PackKeyException e) {
                throw new PackKeyException(file + ": " + e.getMessage());
            }
        }
        throw new PackKeyException(file + " holds neither an Ed25519 nor an RSA key");
    }

    /** The signing algorithm of a key; RSA keys shorter than 2048 bits are refused (NIST SP 800-131A). */
    public static Algorithm algorithm(Key key) {
        if (key instanceof EdECKey ed && ed.getParams().getName().toUpperCase(Locale.ROOT).equals("ED25519")) {
            return Algorithm.ED25519;
        }
        if (key instanceof RSAKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new PackKeyException("an RSA key of " + rsa.getModulus().bitLength() + " bits is too weak (2048 at least)");
            }
            return Algorithm.RSA;
        }
        throw new PackKeyException("only Ed25519 and RSA keys can sign packs");
    }

    /** The key's id: its JWK SHA-256 thumbprint (RFC 7638), base64url; the same for a key pair's two halves. */
    public static String keyId(PublicKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException e) {
            throw new PackKeyException("cannot compute the id of a " + key.getAlgorithm() + " key: " + e.getMessage());
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
