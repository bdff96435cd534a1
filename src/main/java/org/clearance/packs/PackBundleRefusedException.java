package org.clearance.packs;

/**
 * A bundle that must not be used: unsigned, signed by a key nobody trusts, tampered with, malformed, hostile (paths
 * outside the folder, links, a decompression bomb) or too new for this Clearance. The message is the reason, naming
 * the file. Nothing of the bundle is left on disk when this is thrown.
 */
public class PackBundleRefusedException extends RuntimeException {

    public PackBundleRefusedException(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
