package org.clearance.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One audit record: its place in the chain, when, who, what, on which subject, the hash of the subject's content
 * (null when the action has none) and the chain value {@code SHA-256(previous chain ‖ canonical record)}.
 */
public record AuditRecord(long seq, Instant at, String actor, String action, String subject, String contentHash,
                          String chain) {

    /** The chain value before the first record. */
    public static final String GENESIS = "0".repeat(64);

    /** The record as hashed: every field but the chain, canonical JSON (docs/operations.md). */
    public String canonical() {
        ObjectNode node = CanonicalJson.object();
        node.put("seq", seq);
        node.put("at", at.toString());
        node.put("actor", actor);
        node.put("action", action);
        node.put("subject", subject);
        if (contentHash == null) {
            node.putNull("content_hash");
        } else {
            node.put("content_hash", contentHash);
        }
        return CanonicalJson.write(node);
    }

    /** The chain value this record must have when {@code previousChain} precedes it. */
    public String expectedChain(String previousChain) {
        return CanonicalJson.sha256(previousChain + canonical());
    }

    public AuditRecord withChain(String chainValue) {
        return new AuditRecord(seq, at, actor, action, subject, contentHash, chainValue);
    }
}
