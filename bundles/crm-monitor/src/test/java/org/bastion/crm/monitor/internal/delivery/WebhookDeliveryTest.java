package org.bastion.crm.monitor.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.bastion.crm.api.monitor.AlertEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookDeliveryTest {

    @TempDir
    Path folder;

    @Test
    void anAlertReachesTheReceiverSignedAfterARetry() throws Exception {
        try (HttpsReceiver receiver = new HttpsReceiver(folder, 1)) {
            WebhookDelivery delivery = new WebhookDelivery(TestConfigurations.delivery(Map.of(
                    "webhookUrls", new String[] {"http://127.0.0.1:1/plain", receiver.url()},
                    "webhookSecret", "s3cret",
                    "webhookTrustStore", receiver.keystore.toString(),
                    "webhookTrustStorePassword", HttpsReceiver.PASSWORD)));
            try {
                delivery.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_RAISED, "a-7", "mass-read", "open"));
                await(() -> receiver.received.size() == 2, Duration.ofSeconds(10));
                await(() -> delivery.status().delivered() == 1, Duration.ofSeconds(5));

                HttpsReceiver.Received first = receiver.received.get(0);
                HttpsReceiver.Received retry = receiver.received.get(1);
                assertThat(retry.header("X-Bastion-Delivery")).isEqualTo(first.header("X-Bastion-Delivery"));
                String body = new String(retry.body(), StandardCharsets.UTF_8);
                assertThat(body).contains("\"id\":\"a-7\"", "\"rule\":\"mass-read\"");
                long timestamp = Long.parseLong(retry.header("X-Bastion-Timestamp"));
                assertThat(timestamp).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset
                        .offset(30L));
                assertThat(retry.header("X-Bastion-Signature"))
                        .isEqualTo(new WebhookSigner("s3cret").signature(timestamp, retry.body()));
                assertThat(retry.header("Content-Type")).isEqualTo("application/json");
                // the plain-http URL was refused at configuration, so it shows as a problem
                assertThat(delivery.status().problem()).contains("not https");
            } finally {
                delivery.deactivate();
            }
        }
    }

    @Test
    void anUnreachableReceiverDegradesHealthAndKeepsTheDelivery() throws Exception {
        WebhookDelivery delivery = new WebhookDelivery(TestConfigurations.delivery(Map.of(
                "webhookUrls", new String[] {"https://127.0.0.1:1/hook"}, "webhookSecret", "s3cret")));
        DeliveryHealth health = new DeliveryHealth();
        health.addChannel(delivery);
        try {
            delivery.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_RAISED, "failed-logins", "open"));
            await(() -> delivery.status().failing(), Duration.ofSeconds(10));
            assertThat(delivery.status().pending()).isEqualTo(1);
            assertThat(health.check().state()).isEqualTo(org.bastion.crm.api.health.HealthState.DEGRADED);
            assertThat(health.check().detail()).contains("webhook: failing, 1 pending").doesNotContain("127.0.0.1");
        } finally {
            delivery.deactivate();
        }
    }

    @Test
    void withoutASecretNothingIsSentAndHealthSaysWhy() {
        WebhookDelivery delivery = new WebhookDelivery(TestConfigurations.delivery(Map.of(
                "webhookUrls", new String[] {"https://127.0.0.1:1/hook"})));
        try {
            delivery.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_RAISED, "failed-logins", "open"));
            assertThat(delivery.status().pending()).isZero();
            assertThat(delivery.status().problem()).contains("webhookSecret");
        } finally {
            delivery.deactivate();
        }
    }

    static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + limit);
            }
            Thread.sleep(20);
        }
    }
}
