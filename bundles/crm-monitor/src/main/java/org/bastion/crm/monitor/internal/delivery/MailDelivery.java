package org.bastion.crm.monitor.internal.delivery;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.bastion.crm.api.monitor.AlertEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Mails each newly raised alert (not its repeats or state changes) to the configured recipients over SMTP (Angus
 * Mail), retried with {@link Backoff} through an in-memory {@link Outbox}: an unreachable server loses no alert (it
 * is recorded by the monitor regardless), is logged once and shows in health.
 */
@Component(service = {EventHandler.class, DeliveryChannel.class}, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + AlertEvents.ALERT_RAISED,
        configurationPid = DeliveryConfiguration.PID)
public class MailDelivery implements EventHandler, DeliveryChannel {

    private static final System.Logger LOG = System.getLogger(MailDelivery.class.getName());

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "crm-monitor-mail");
        thread.setDaemon(true);
        return thread;
    });
    private final Outbox<AlertMessage> outbox;
    private volatile MailSettings settings;
    private volatile String problem;

    @Activate
    public MailDelivery(DeliveryConfiguration configuration) {
        this.outbox = new Outbox<>("email", executor, new Backoff(12), 1000, this::send,
                message -> "alert " + message.id());
        modified(configuration);
    }

    @Modified
    void modified(DeliveryConfiguration configuration) {
        outbox.reconfigure(new Backoff(Settings.bounded(configuration.retryMaxAttempts(), 1, 100)),
                Settings.bounded(configuration.retryQueueCapacity(), 1, 1_000_000));
        try {
            settings = MailSettings.of(configuration);
            problem = null;
        } catch (IllegalArgumentException invalid) {
            settings = null;
            problem = invalid.getMessage() + "; e-mail is off until it is corrected";
            LOG.log(Level.WARNING, problem);
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public void handleEvent(Event event) {
        AlertMessage message = AlertMessage.from(event);
        if (message != null && settings != null && event.getTopic().equals(AlertEvents.ALERT_RAISED)) {
            outbox.submit(message);
        }
    }

    /** One attempt with the settings of now. */
    void send(AlertMessage message) throws MessagingException {
        MailSettings current = settings;
        if (current == null) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail finds its providers through the context class loader: the copy embedded in this bundle
        thread.setContextClassLoader(MailDelivery.class.getClassLoader());
        try {
            Session session = Session.getInstance(current.sessionProperties());
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(current.from(), true));
            for (String to : current.to()) {
                mail.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            }
            mail.setSubject(AlertMail.subject(message), StandardCharsets.UTF_8.name());
            mail.setText(AlertMail.body(message), StandardCharsets.UTF_8.name());
            try (Transport transport = session.getTransport(current.protocol())) {
                transport.connect(current.host(), current.port(), current.user().isBlank() ? null : current.user(),
                        current.user().isBlank() ? null : current.password());
                transport.sendMessage(mail, mail.getAllRecipients());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public ChannelStatus status() {
        MailSettings current = settings;
        ChannelStatus status = outbox.status(current != null || problem != null, problem);
        return current == null || status.lastFailure() == null ? status
                : new ChannelStatus(status.channel(), true, status.failing(), status.pending(), status.delivered(),
                        status.givenUp(), status.configurationProblem(),
                        current.describe() + ": " + status.lastFailure());
    }
}
