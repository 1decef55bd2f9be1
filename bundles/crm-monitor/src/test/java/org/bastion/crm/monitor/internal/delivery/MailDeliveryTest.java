package org.bastion.crm.monitor.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.bastion.crm.api.health.HealthState;
import org.bastion.crm.api.monitor.AlertEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

class MailDeliveryTest {

    private GreenMail smtp;

    @BeforeEach
    void startSmtpServer() {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("monitor", "mail-pass");
        smtp.start();
    }

    @AfterEach
    void stopSmtpServer() {
        smtp.stop();
    }

    @Test
    void aRaisedAlertIsMailedToEveryRecipient() throws Exception {
        MailDelivery delivery = new MailDelivery(configuration(smtp.getSmtp().getPort()));
        try {
            delivery.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_RAISED, "a-9", "new-address", "open"));
            WebhookDeliveryTest.await(() -> smtp.getReceivedMessages().length == 2, Duration.ofSeconds(10));
            MimeMessage[] messages = smtp.getReceivedMessages();
            assertThat(messages[0].getSubject()).isEqualTo("[Bastion CRM] HIGH alert new-address: user:42");
            assertThat(messages[0].getFrom()[0].toString()).isEqualTo("crm@example.org");
            assertThat(String.valueOf(messages[0].getContent())).contains("Alert:    a-9", "lock-account");
            WebhookDeliveryTest.await(() -> delivery.status().delivered() == 1, Duration.ofSeconds(5));
        } finally {
            delivery.deactivate();
        }
    }

    @Test
    void repeatsAndStateChangesAreNotMailed() throws Exception {
        MailDelivery delivery = new MailDelivery(configuration(smtp.getSmtp().getPort()));
        try {
            delivery.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_REPEATED, "a-9", "new-address", "open"));
            Thread.sleep(500);
            assertThat(smtp.getReceivedMessages()).isEmpty();
            assertThat(delivery.status().pending()).isZero();
        } finally {
            delivery.deactivate();
        }
    }

    @Test
    void anUnreachableServerIsRetriedAndReportedDegraded() throws Exception {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        MailDelivery delivery = new MailDelivery(configuration(port));
        DeliveryHealth health = new DeliveryHealth();
        health.addChannel(delivery);
        try {
            delivery.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_RAISED, "a-10", "new-address", "open"));
            WebhookDeliveryTest.await(() -> delivery.status().failing(), Duration.ofSeconds(10));
            assertThat(health.check().state()).isEqualTo(HealthState.DEGRADED);
            assertThat(health.check().detail()).contains("email: failing, 1 pending")
                    .doesNotContain("127.0.0.1").doesNotContain("mail-pass");
            assertThat(delivery.status().lastFailure()).contains("none://127.0.0.1:" + port).doesNotContain("mail-pass");

            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.setUser("monitor", "mail-pass");
            smtp.start();
            WebhookDeliveryTest.await(() -> smtp.getReceivedMessages().length == 2, Duration.ofSeconds(15));
            WebhookDeliveryTest.await(() -> !delivery.status().failing(), Duration.ofSeconds(5));
            assertThat(health.check().state()).isEqualTo(HealthState.UP);
        } finally {
            delivery.deactivate();
        }
    }

    @Test
    void anUnknownSecurityModeTurnsMailOffWithAReason() {
        MailDelivery delivery = new MailDelivery(TestConfigurations.delivery(Map.of("smtpHost", "127.0.0.1",
                "smtpSecurity", "ssl3", "mailFrom", "crm@example.org", "mailTo", new String[] {"a@example.org"})));
        try {
            assertThat(delivery.status().problem()).contains("smtpSecurity", "starttls, smtps or none");
        } finally {
            delivery.deactivate();
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DeliveryConfiguration configuration(int port) {
        return TestConfigurations.delivery(Map.of("smtpHost", "127.0.0.1", "smtpPort", port, "smtpSecurity", "none",
                "smtpUser", "monitor", "smtpPassword", "mail-pass", "mailFrom", "crm@example.org",
                "mailTo", new String[] {"soc@example.org, admin@example.org"}));
    }
}
