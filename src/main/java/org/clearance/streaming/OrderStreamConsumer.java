package org.clearance.streaming;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.clearance.rules.RulePackRegistry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Reads batches of orders from {@code clearance.orders}, screens them ({@link StreamScreening}), publishes the
 * screenings, decision events and dead letters, and only then acknowledges the batch: an offset is committed after
 * its screening is durable and its results are on the broker, so a crash at any point means redelivery, never loss.
 */
@ApplicationScoped
public class OrderStreamConsumer {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(2);

    @Inject
    StreamScreening screening;

    @Inject
    RulePackRegistry registry;

    @Inject
    @Channel("screenings")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) // bounded by max.poll.records: one batch at a time
    MutinyEmitter<String> screenings;

    @Inject
    @Channel("events")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> events;

    @Inject
    @Channel("dead-letters")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> deadLetters;

    @Incoming("orders")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        awaitRulePack();
        List<OrderMessage> messages = batch.getRecords().stream()
                .map(OrderStreamConsumer::message).toList();
        publish(screenDurably(messages));
        return batch.ack();
    }

    private static OrderMessage message(KafkaRecord<String, String> record) {
        IncomingKafkaRecordMetadata<?, ?> where = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        return new OrderMessage(where.getTopic(), where.getPartition(), where.getOffset(), record.getKey(), record.getPayload());
    }

    private List<Publication> screenDurably(List<OrderMessage> messages) {
        try {
            return screening.screen(messages);
        } catch (RuntimeException e) {
            // Another consumer may have stored the same message meanwhile (a rebalance hands a partition over while
            // the old owner still works on it): the second attempt finds its row and answers from it.
            Log.warnf("Screening %d streamed order(s) failed (%s); retrying once", messages.size(), e.getClass().getName());
            return screening.screen(messages);
        }
    }

    private void publish(List<Publication> publications) {
        if (publications.isEmpty()) {
            return;
        }
        List<Uni<Void>> sends = publications.stream().map(this::send).toList();
        Uni.join().all(sends).andFailFast().await().atMost(PUBLISH_TIMEOUT);
    }

    private Uni<Void> send(Publication publication) {
        MutinyEmitter<String> emitter = switch (publication.kind()) {
            case SCREENING -> screenings;
            case EVENT -> events;
            case DEAD_LETTER -> deadLetters;
        };
        return emitter.sendMessage(KafkaRecord.of(publication.key(), publication.json()));
    }

    /** The server loads (and checks) its rule pack before it screens anything; wait for it rather than load another. */
    private void awaitRulePack() {
        for (int waited = 0; !registry.loaded(); waited++) {
            if (waited == 3000) {
                throw new IllegalStateException("no rule pack loaded after 5 minutes; not screening streamed orders");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the rule pack", e);
            }
        }
    }
}
