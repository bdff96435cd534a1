package org.clearance.streaming;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A Kafka order message already handled: its screening, or the problems it was dead-lettered with. */
@Entity
@Table(name = "streamed_order")
@IdClass(StreamedOrder.Key.class)
public class StreamedOrder extends PanacheEntityBase {

    /** The record key (the order id), empty when the record had none. */
    @Id
    @Column(name = "order_key")
    public String orderKey;

    /** SHA-256 of the record value, hex. */
    @Id
    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "screening_id")
    public UUID screeningId;

    /** The RFC 9457 problem sent to the dead-letter topic, when the order was invalid. */
    @Column(name = "problem_json", columnDefinition = "text")
    public String problemJson;

    /** Topic, partition and offset of the first delivery. */
    @Column(name = "first_source", nullable = false)
    public String firstSource;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    /** The primary key: order id and content hash. */
    public static class Key implements Serializable {
        public String orderKey;
        public String contentHash;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.orderKey.equals(orderKey) && key.contentHash.equals(contentHash);
        }

        @Override
        public int hashCode() {
            return orderKey.hashCode() * 31 + contentHash.hashCode();
        }
    }
}
