package org.clearance.licences;

/** A licence whose jurisdiction and reference are already registered: the register keeps one entry per licence. */
public class LicenceExistsException extends RuntimeException {

    public LicenceExistsException(String key) {
        super("Licence " + key + " is already registered; nothing was stored. A registered licence is not replaced: "
                + "register an amendment under its own reference.");
    }
}
