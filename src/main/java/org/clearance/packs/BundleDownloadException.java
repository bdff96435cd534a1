package org.clearance.packs;

/**
 * A bundle that could not be fetched: a URL that is not HTTPS, a server that answered with an error or not at all, a
 * download over the size limit. The message says which, for the user; nothing of the download is left on disk.
 */
public class BundleDownloadException extends RuntimeException {

    public BundleDownloadException(String message) {
        super(message);
    }
}
