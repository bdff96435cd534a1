package org.clearance.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publisher keys and the manifest's signature: key files, Ed25519 and RSA-PSS, trusted and untrusted keys. */
class PackBundleSigningTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteAKeyPairAsPemWithThePrivateKeyReadableByItsOwnerOnly() throws Exception {
        List<Path> files = PackKeys.writePair(dir.resolve("acme"), PackKeys.generate(PackKeys.Algorithm.ED25519));

        assertThat(files).containsExactly(dir.resolve("acme.key"), dir.resolve("acme.pub"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("acme.key"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(dir.resolve("acme.key"))).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .contains("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.readString(dir.resolve("acme.pub"))).startsWith("-----BEGIN PUBLIC KEY-----\n").doesNotContain("PRIVATE");
        SigningKey key = PackKeys.readSigningKey(dir.resolve("acme.key"));
        assertThat(PackKeys.keyId(PackKeys.readPublic(dir.resolve("acme.pub")))).isEqualTo(key.keyId());
    }

    @Test
    void shouldNeverOverwriteAKeyFile() throws Exception {
        Files.writeString(dir.resolve("acme.pub"), "keep me");

        assertThatThrownBy(() -> PackKeys.writePair(dir.resolve("acme"), PackKeys.generate(PackKeys.Algorithm.ED25519)))
                .isInstanceOf(PackKeyException.class).hasMessageContaining("acme.pub already exists");
        assertThat(dir.resolve("acme.key")).doesNotExist();
        assertThat(Files.readString(dir.resolve("acme.pub"))).isEqualTo("keep me");
    }

    @Test
    void shouldRefuseKeyFilesOfTheWrongKindOrThatDoNotBelongTogether() throws Exception {
        PackKeys.writePair(dir.resolve("a"), PackKeys.generate(PackKeys.Algorithm.ED25519));
        PackKeys.writePair(dir.resolve("b"), PackKeys.generate(PackKeys.Algorithm.ED25519));
        String aKey = Files.readString(dir.resolve("a.key"));
        Files.writeString(dir.resolve("mixed.key"), aKey.substring(0, aKey.indexOf("-----BEGIN PUBLIC")) + Files.readString(dir.resolve("b.pub")));

        assertThatThrownBy(() -> PackKeys.readSigningKey(dir.resolve("a.pub"))).hasMessageContaining("not a PEM 'PRIVATE KEY' file");
        assertThatThrownBy(() -> PackKeys.readPublic(dir.resolve("a.key"))).hasMessageContaining("not a PEM 'PUBLIC KEY' file");
        assertThatThrownBy(() -> PackKeys.readSigningKey(dir.resolve("mixed.key"))).hasMessageContaining("not the private key's own half");
        assertThatThrownBy(() -> PackKeys.readPublic(dir.resolve("missing.pub"))).isInstanceOf(PackKeyException.class)
                .hasMessageContaining("missing.pub does not exist");
    }

    @Test
    void shouldAskForThePublicHalfOfAnOpenSslKeyAndRefuseWeakRsaKeys() throws Exception {
        PackKeys.writePair(dir.resolve("a"), PackKeys.generate(PackKeys.Algorithm.ED25519));
        String aKey = Files.readString(dir.resolve("a.key"));
        Files.writeString(dir.resolve("openssl.key"), aKey.substring(0, aKey.indexOf("-----BEGIN PUBLIC")));
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        PackKeys.writePair(dir.resolve("weak"), generator.generateKeyPair());

        assertThatThrownBy(() -> PackKeys.readSigningKey(dir.resolve("openssl.key")))
                .hasMessageContaining("lacks its public key after the private one; append it: cat NAME.pub >> NAME.key");
        assertThatThrownBy(() -> TrustedKeys.read(List.of(dir.resolve("weak.pub"))))
                .isInstanceOf(PackKeyException.class).hasMessageContaining("weak.pub: an RSA key of 1024 bits is too weak");
    }

    @Test
    void shouldRefuseASignatureByATrustedKeyMadeForSomethingElse() throws Exception {
        SigningKey key = TestBundles.newKey();
        LinkedHashMap<String, byte[]> entries = TestBundles.entries(TestBundles.build(dir, "eu.tar.gz", key));
        var jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayloadBytes(entries.get(BundlePath.MANIFEST));
        jws.setAlgorithmHeaderValue("EdDSA");
        jws.setKeyIdHeaderValue(key.keyId());
        jws.setHeader("typ", "JWT");
        jws.setKey(key.privateKey());
        entries.put(BundlePath.SIGNATURES, ("{\"signatures\": [\"" + jws.getDetachedContentCompactSerialization() + "\"]}")
                .getBytes(StandardCharsets.UTF_8));
        Path bundle = TestBundles.writeTarGz(dir.resolve("jwt.tar.gz"), TestBundles.files(entries));

        assertThatThrownBy(() -> PackBundles.check(bundle, TrustedKeys.of(key.publicKey()), PackBundleLimits.DEFAULT))
                .hasMessageContaining(".signatures.json holds a signature by ").hasMessageContaining("whose typ is not clearance-pack-manifest+jws");
    }

    @Test
    void shouldSignWithEdDsaAndVerifyWithAnyOfSeveralTrustedKeys() {
        SigningKey key = TestBundles.newKey();
        Path bundle = TestBundles.build(dir, "eu.tar.gz", key);
        String jws = signature(bundle);

        assertThat(header(jws)).contains("\"alg\":\"EdDSA\"", "\"kid\":\"" + key.keyId() + "\"", "\"typ\":\"clearance-pack-manifest+jws\"");
        assertThat(jws).as("detached payload: the manifest is not repeated").contains("..");
        TrustedKeys several = TrustedKeys.of(TestBundles.newKey().publicKey(), key.publicKey());
        assertThat(PackBundles.check(bundle, several, PackBundleLimits.DEFAULT).signedBy().keyId()).isEqualTo(key.keyId());
    }

    @Test
    void shouldSignWithRsaPssToo() {
        var pair = PackKeys.generate(PackKeys.Algorithm.RSA);
        SigningKey key = new SigningKey(pair.getPrivate(), pair.getPublic());
        Path bundle = TestBundles.build(dir, "eu.tar.gz", key);

        assertThat(header(signature(bundle))).contains("\"alg\":\"PS256\"");
        assertThat(PackBundles.check(bundle, TrustedKeys.of(key.publicKey()), PackBundleLimits.DEFAULT).manifest().name())
                .isEqualTo("eu-legal");
    }

    @Test
    void shouldRefuseABundleSignedByAnUntrustedKey() {
        Path bundle = TestBundles.build(dir, "eu.tar.gz", TestBundles.newKey());
        SigningKey other = TestBundles.newKey();

        assertThatThrownBy(() -> PackBundles.check(bundle, TrustedKeys.of(other.publicKey()), PackBundleLimits.DEFAULT))
                .isInstanceOf(PackBundleRefusedException.class)
                .hasMessageContaining(".signatures.json holds no signature by a trusted key")
                .hasMessageContaining("trusted: " + other.keyId());
    }

    @Test
    void shouldRefuseAManifestSignedWithAnotherKeyUnderTheTrustedKeysId() {
        SigningKey trusted = TestBundles.newKey();
        SigningKey forger = TestBundles.newKey();
        Path bundle = TestBundles.build(dir, "eu.tar.gz", trusted);
        LinkedHashMap<String, byte[]> entries = TestBundles.entries(bundle);
        // The forger signs the very same manifest, and labels the signature with the trusted key's id.
        String forgerSignature = signature(TestBundles.build(dir, "forged.tar.gz", forger));
        String trustedSignature = signature(bundle);
        String forged = trustedSignature.substring(0, trustedSignature.indexOf('.'))
                + forgerSignature.substring(forgerSignature.indexOf('.'));
        entries.put(BundlePath.SIGNATURES, ("{\"signatures\": [\"" + forged + "\"]}").getBytes(StandardCharsets.UTF_8));
        Path tampered = TestBundles.writeTarGz(dir.resolve("tampered.tar.gz"), TestBundles.files(entries));

        assertThatThrownBy(() -> PackBundles.check(tampered, TrustedKeys.of(trusted.publicKey()), PackBundleLimits.DEFAULT))
                .isInstanceOf(PackBundleRefusedException.class)
                .hasMessageContaining("does not match manifest.json");
    }

    @Test
    void shouldRefuseAnUnsignedBundleAndAnEmptySignatureList() {
        SigningKey key = TestBundles.newKey();
        LinkedHashMap<String, byte[]> entries = TestBundles.entries(TestBundles.build(dir, "eu.tar.gz", key));
        entries.remove(BundlePath.SIGNATURES);
        Path unsigned = TestBundles.writeTarGz(dir.resolve("unsigned.tar.gz"), TestBundles.files(entries));
        entries.put(BundlePath.SIGNATURES, "{\"signatures\": []}".getBytes(StandardCharsets.UTF_8));
        Path empty = TestBundles.writeTarGz(dir.resolve("empty.tar.gz"), TestBundles.files(entries));

        assertThatThrownBy(() -> PackBundles.check(unsigned, TrustedKeys.of(key.publicKey()), PackBundleLimits.DEFAULT))
                .hasMessage("unsigned.tar.gz is unsigned: it has no .signatures.json");
        assertThatThrownBy(() -> PackBundles.check(empty, TrustedKeys.of(key.publicKey()), PackBundleLimits.DEFAULT))
                .hasMessageContaining(".signatures.json must be {\"signatures\": [\"<JWS>\", …]} with at least one signature");
    }

    @Test
    void shouldRefuseASignatureWhoseAlgorithmIsNotAllowed() {
        SigningKey key = TestBundles.newKey();
        LinkedHashMap<String, byte[]> entries = TestBundles.entries(TestBundles.build(dir, "eu.tar.gz", key));
        String none = base64Url("{\"alg\":\"none\",\"kid\":\"" + key.keyId() + "\",\"typ\":\"clearance-pack-manifest+jws\"}") + "..";
        entries.put(BundlePath.SIGNATURES, ("{\"signatures\": [\"" + none + "\"]}").getBytes(StandardCharsets.UTF_8));
        Path bundle = TestBundles.writeTarGz(dir.resolve("none.tar.gz"), TestBundles.files(entries));

        assertThatThrownBy(() -> PackBundles.check(bundle, TrustedKeys.of(key.publicKey()), PackBundleLimits.DEFAULT))
                .isInstanceOf(PackBundleRefusedException.class).hasMessageContaining(".signatures.json");
    }

    static String signature(Path bundle) {
        String json = new String(TestBundles.entries(bundle).get(BundlePath.SIGNATURES), StandardCharsets.UTF_8);
        return json.replaceAll("(?s).*\\[\\s*\"([^\"]+)\".*", "$1");
    }

    private static String header(String jws) {
        return new String(java.util.Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))), StandardCharsets.UTF_8);
    }

    private static String base64Url(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
