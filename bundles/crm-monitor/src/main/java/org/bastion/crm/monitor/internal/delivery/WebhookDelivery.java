package org.bastion.crm.monitor.internal.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
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

/**
 * Posts every alert change to each configured https URL as JSON, signed ({@link WebhookSigner}), retried with
 * {@link Backoff} through an in-memory {@link Outbox}. A 2xx answer is a delivery; anything else, or no answer within
 * {@value #TIMEOUT_SECONDS} s, is a failed attempt.
 */
// immediate: made when the bundle starts, never inside an EventAdmin delivery
@Component(service = {EventHandler.class, DeliveryChannel.class}, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + AlertEvents.ALL_TOPICS,
        configurationPid = DeliveryConfiguration.PID)
public class WebhookDelivery implements EventHandler, DeliveryChannel {

    static final int TIMEOUT_SECONDS = 10;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "crm-monitor-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;
    private final Outbox<WebhookCall> outbox;
    private volatile WebhookTargets targets = WebhookTargets.of(java.util.List.of());
    private volatile WebhookSigner signer;
    private volatile Trust trust = new Trust("", "");
    private volatile String problem;
    private volatile String trustProblem;
    /** Used on the delivery thread only. */
    private HttpClient client;
    private Trust clientTrust;

    @Activate
    public WebhookDelivery(DeliveryConfiguration configuration) {
        this(configuration, Clock.systemUTC());
    }

    WebhookDelivery(DeliveryConfiguration configuration, Clock clock) {
        this.clock = clock;
        this.outbox = new Outbox<>("webhook", executor, new Backoff(12), 1000, this::post, WebhookCall::describe);
        modified(configuration);
    }

    /**
     * Applies a configuration; cheap (it runs under the component's lock, which EventAdmin waits for): the HTTP client
     * with its trust store is made on the delivery thread, at the first attempt after a change.
     */
    @Modified
    void modified(DeliveryConfiguration configuration) {
        outbox.reconfigure(new Backoff(Settings.bounded(configuration.retryMaxAttempts(), 1, 100)),
                Settings.bounded(configuration.retryQueueCapacity(), 1, 1_000_000));
        WebhookTargets newTargets = WebhookTargets.of(Settings.list(configuration.webhookUrls()));
        String newProblem = newTargets.refused().isEmpty() ? null : String.join("; ", newTargets.refused());
        WebhookSigner newSigner = null;
        if (!configuration.webhookSecret().isEmpty()) {
            newSigner = new WebhookSigner(configuration.webhookSecret());
        } else if (!newTargets.accepted().isEmpty()) {
            newProblem = "webhookSecret is not set: no webhook is sent unsigned";
            System.getLogger(WebhookDelivery.class.getName()).log(System.Logger.Level.WARNING, newProblem);
        }
        this.targets = newTargets;
        this.signer = newSigner;
        this.trust = new Trust(configuration.webhookTrustStore(), configuration.webhookTrustStorePassword());
        this.problem = newProblem;
    }

    /** The trust store settings the client was made with. */
    private record Trust(String store, String password) {
    }

    /** The HTTP client for the current trust settings, made on first use after a change (delivery thread only). */
    private HttpClient client() throws IOException {
        Trust wanted = trust;
        if (client == null || !wanted.equals(clientTrust)) {
            try {
                client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .sslContext(WebhookTrust.sslContext(wanted.store(), wanted.password()))
                        .build();
                clientTrust = wanted;
                trustProblem = null;
            } catch (IOException | java.security.GeneralSecurityException unreadable) {
                trustProblem = "webhookTrustStore cannot be read: " + unreadable.getMessage();
                throw new IOException(trustProblem, unreadable);
            }
        }
        return client;
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public void handleEvent(Event event) {
        AlertMessage message = AlertMessage.from(event);
        if (message == null || signer == null) {
            return;
        }
        byte[] body = message.toJsonBytes();
        for (java.net.URI url : targets.accepted()) {
            outbox.submit(new WebhookCall(url, body, UUID.randomUUID(), message.id()));
        }
    }

    /** One attempt; signed afresh with the time of the attempt, so a retry is not taken for a replay. */
    void post(WebhookCall call) throws IOException, InterruptedException {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(call.url())
                .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .header("Content-Type", "application/json")
                .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSigner.SIGNATURE_HEADER, signer.signature(timestamp, call.body()))
                .header(WebhookSigner.DELIVERY_HEADER, call.deliveryId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()))
                .build();
        HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the receiver answered " + response.statusCode());
        }
    }

    @Override
    public ChannelStatus status() {
        String configurationProblem = problem != null ? problem : trustProblem;
        return outbox.status(!targets.accepted().isEmpty() || configurationProblem != null, configurationProblem);
    }
}
