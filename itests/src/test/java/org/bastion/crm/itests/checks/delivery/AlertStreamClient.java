package org.bastion.crm.itests.checks.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.bastion.crm.itests.support.ContainerTrust;

/**
 * A client of {@code GET /api/v1/alerts/stream}: reads the stream's lines on a thread of its own and keeps each with
 * the time it arrived ({@link System#nanoTime()}).
 */
final class AlertStreamClient implements AutoCloseable {

    /** One line of the stream and when it arrived. */
    record Line(String text, long arrivedNanos) {
    }

    final int status;
    final String contentType;
    final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Stream<String> body;
    private final Thread reader;

    private AlertStreamClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.body = response.body();
        this.reader = new Thread(() -> {
            try {
                body.forEach(text -> lines.add(new Line(text, System.nanoTime())));
            } catch (RuntimeException closed) {
                // the stream was closed
            }
        }, "itest-alert-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream with this bearer token (none when null); returns once the answer's headers arrived. */
    static AlertStreamClient open(int port, String token) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).sslContext(ContainerTrust.sslContext()).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port
                + "/api/v1/alerts/stream")).header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new AlertStreamClient(client.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    /** The first {@code data:} line containing {@code text}, or null. */
    Line data(String text) {
        for (Line line : lines) {
            if (line.text().startsWith("data:") && line.text().contains(text)) {
                return line;
            }
        }
        return null;
    }

    /** All lines read so far, for messages. */
    String transcript() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.text()).append('\n'));
        return text.toString();
    }

    @Override
    public void close() {
        body.close();
        reader.interrupt();
    }
}
