package org.bastion.crm.itests.checks.sweep;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.RawAnswer;
import org.bastion.crm.itests.support.RawHttps;

/**
 * Runs the sweep: sets up the fixtures of every operation first (the sweep may lock its own administrator's account
 * later), then sends every case of every operation over one kept-alive connection and judges each answer.
 *
 * <p>The requests leave from {@value #SWEEP_ADDRESS} when the machine lets a socket bind it (Linux routes all of
 * 127/8 to the loopback device): the login cases count as failures of that address only, so the per-address login
 * throttle the other checks rely on (and prove) never sees them. Elsewhere the sweep falls back to the default address.
 */
public final class Sweep {

    /** The loopback address the sweep's requests come from, where it can be bound. */
    public static final String SWEEP_ADDRESS = "127.0.0.2";

    private static final String HOST = "127.0.0.1";
    private static final String BASE = "/api/v1";

    private final RawHttps http;
    private final SweepFixtures fixtures;
    private final List<Offence> offences = new ArrayList<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> kinds = new TreeMap<>();
    private int requests;

    private Sweep(RawHttps http, SweepFixtures fixtures) {
        this.http = http;
        this.fixtures = fixtures;
    }

    /** Sweeps {@code operations} on the CRM at HTTPS {@code port}; {@code admin} creates the sweep's administrator. */
    public static Result run(List<SweepOperation> operations, CrmApi admin, ApiClients clients, int port) {
        Instant start = Instant.now();
        InetSocketAddress local = bindableSweepAddress();
        try (SweepFixtures fixtures = new SweepFixtures(admin, clients);
                RawHttps http = new RawHttps(HOST, port, local)) {
            Map<SweepOperation, Map<String, String>> pathValues = new LinkedHashMap<>();
            operations.forEach(operation -> pathValues.put(operation, fixtures.pathValues(operation)));
            Instant setUp = Instant.now();
            Sweep sweep = new Sweep(http, fixtures);
            pathValues.forEach(sweep::sweep);
            Instant end = Instant.now();
            String summary = String.format("Malformed-input sweep: %d operations, %d requests (%s), from %s, "
                    + "fixtures %.1f s, requests %.1f s; statuses %s; sessions ended by %s",
                    operations.size(), sweep.requests, sweep.kinds, local == null ? "the default address" : SWEEP_ADDRESS,
                    seconds(start, setUp), seconds(setUp, end), sweep.statuses, fixtures.endedSessions());
            return new Result(List.copyOf(sweep.offences), summary);
        }
    }

    private void sweep(SweepOperation operation, Map<String, String> pathValues) {
        boolean conditional = operation.method().equals("PUT") || operation.method().equals("PATCH");
        String path = SweepPlan.path(operation, pathValues, null, null);
        String etag = conditional && !operation.pathParameters().isEmpty() ? fixtures.etag(path) : null;
        for (SweepCase sweepCase : SweepPlan.casesOf(operation, pathValues, fixtures.knownValues())) {
            Optional<RawAnswer> answer = send(sweepCase, etag);
            if (answer.isPresent() && answer.get().status() / 100 == 2 && !sweepCase.anonymous()) {
                if (answer.get().status() == 201 && answer.get().header("location") != null) {
                    fixtures.createdByAccident(answer.get().header("location"));
                }
                if (etag != null) {
                    etag = fixtures.etag(path);
                }
            }
        }
        fixtures.renewIfEnded(operation);
    }

    private Optional<RawAnswer> send(SweepCase sweepCase, String etag) {
        List<String> headers = new ArrayList<>(sweepCase.headers());
        if (!sweepCase.anonymous()) {
            headers.add("Authorization");
            headers.add("Bearer " + fixtures.token());
        }
        if (etag != null && !sweepCase.headers().contains("If-Match")) {
            headers.add("If-Match");
            headers.add(etag);
        }
        requests++;
        kinds.merge(sweepCase.kind() + (sweepCase.anonymous() ? "-anonymous" : ""), 1, Integer::sum);
        try {
            RawAnswer answer = http.send(sweepCase.operation().method(), BASE + sweepCase.target(), headers,
                    sweepCase.contentType(), sweepCase.body());
            statuses.merge(Integer.toString(answer.status()), 1, Integer::sum);
            SweepJudge.judge(sweepCase, answer).ifPresent(offences::add);
            return Optional.of(answer);
        } catch (IOException | RuntimeException e) {
            statuses.merge("none", 1, Integer::sum);
            offences.add(SweepJudge.noAnswer(sweepCase, e));
            return Optional.empty();
        }
    }

    private static InetSocketAddress bindableSweepAddress() {
        InetSocketAddress address = new InetSocketAddress(SWEEP_ADDRESS, 0);
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.bind(address);
            return address;
        } catch (BindException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /**
     * What a sweep found.
     *
     * @param offences every offending answer, in the order sent
     * @param summary the figures: operations, requests by kind, seconds, statuses, ended sessions
     */
    public record Result(List<Offence> offences, String summary) {

        /** Every offence, one per line. */
        public String report() {
            StringBuilder report = new StringBuilder();
            offences.forEach(offence -> report.append(offence.line()).append('\n'));
            return report.toString();
        }
    }
}
