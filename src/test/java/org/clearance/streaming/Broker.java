package org.clearance.streaming;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The real broker the Kafka tests run against ({@code -Dkafka.bootstrap.servers}, started by deploy/kafka/broker). */
final class Broker {

    private Broker() {
    }

    /**
     * The broker's address. Quarkus reads every test profile while it discovers tests, also those of the excluded
     * {@code kafka} group, so without a broker this answers an address where nothing listens instead of failing
     * discovery; a Kafka test run that way fails on its first connection.
     */
    static String servers() {
        String servers = System.getProperty("kafka.bootstrap.servers");
        return servers == null || servers.isBlank() ? "127.0.0.1:9" : servers;
    }

    /** A topic prefix of its own per test run, so that a run never reads another run's records. */
    static String freshPrefix() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Clearance's topic settings for the topics under {@code prefix}. */
    static Map<String, String> topicConfig(String prefix) {
        return Map.of("mp.messaging.incoming.orders.topic", prefix + ".orders",
                "mp.messaging.outgoing.screenings.topic", prefix + ".screenings",
                "mp.messaging.outgoing.events.topic", prefix + ".events",
                "mp.messaging.outgoing.dead-letters.topic", prefix + ".orders.dlq");
    }

    static void produce(String topic, List<Map.Entry<String, String>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            records.forEach(r -> producer.send(new ProducerRecord<>(topic, r.getKey(), r.getValue())));
            producer.flush();
        }
    }

    /** Every record of {@code topic} from the start, read until {@code enough} holds or {@code timeout} passes. */
    static List<ConsumerRecord<String, String>> readUntil(String topic, Predicate<List<ConsumerRecord<String, String>>> enough,
                                                         Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        Instant until = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (!enough.test(read) && Instant.now().isBefore(until)) {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            }
        }
        return read;
    }
}
