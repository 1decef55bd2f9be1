package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;

/**
 * Ordinary work on contacts in a background thread while a key rotates: creates contacts (and finds each by its
 * e-mail address at once), reads and updates seeded ones, and counts a last-name prefix, which must always give
 * the seeded total. Records every answer that was not the expected one.
 */
final class RotationTraffic implements AutoCloseable {

    private final CrmApi api;
    private final List<String> seededIds;
    private final String seededPrefix;
    private final int seededTotal;
    private final String run;
    private final List<String> failures = new ArrayList<>();
    private int failureCount;
    private final List<String> created = new ArrayList<>();
    private final AtomicInteger operations = new AtomicInteger();
    private final Thread worker;
    private volatile boolean running = true;

    /** Starts the work at once, on contacts {@code seededIds} whose last names start with {@code seededPrefix}. */
    RotationTraffic(CrmApi api, List<String> seededIds, String seededPrefix, String run) {
        this.api = api;
        this.seededIds = List.copyOf(seededIds);
        this.seededPrefix = seededPrefix;
        this.seededTotal = seededIds.size();
        this.run = run;
        this.worker = new Thread(this::work, "crm-itest-rotation-traffic");
        worker.setDaemon(true);
        worker.start();
    }

    private void work() {
        int step = 0;
        while (running) {
            try {
                switch (step % 4) {
                    case 0 -> createAndFind(step);
                    case 1 -> read(seededIds.get(step * 7 % seededIds.size()));
                    case 2 -> update(seededIds.get(step * 13 % seededIds.size()), step);
                    default -> countPrefix();
                }
            } catch (RuntimeException e) {
                fail("step " + step + " threw " + e);
            }
            operations.incrementAndGet();
            step++;
        }
    }

    private void createAndFind(int step) {
        String email = "live" + step + "." + run + "@example.com";
        Map<String, Object> contact = object("firstName", "Live", "lastName", "Live" + run + "n" + step,
                "emails", array(object("type", "work", "address", email, "primary", true)),
                "notes", "created during a key rotation");
        ApiResponse response = api.post("/contacts", contact);
        if (expect(201, response)) {
            synchronized (failures) {
                created.add(response.json().path("id").asText());
            }
            ApiResponse found = api.get("/contacts?q=" + email);
            if (expect(200, found) && found.json().path("total").asInt() != 1) {
                fail("a contact created during the rotation is not found by its e-mail: " + found.describe());
            }
        }
    }

    private void read(String id) {
        ApiResponse response = api.get("/contacts/" + id);
        if (expect(200, response) && !response.json().path("lastName").asText().startsWith(seededPrefix)) {
            fail("a seeded contact read back wrong: " + response.describe());
        }
    }

    private void update(String id, int step) {
        ApiResponse current = api.get("/contacts/" + id);
        if (!expect(200, current)) {
            return;
        }
        // the first name changes too, so the update re-writes name tokens; the last-name prefix count stays
        Map<String, Object> patch = object("firstName", "Rotated" + step, "notes", "updated during a rotation " + step);
        expect(200, api.patch("/contacts/" + id, patch, "If-Match", current.etag()));
    }

    private void countPrefix() {
        ApiResponse response = api.get("/contacts?q=" + seededPrefix + "&size=1");
        if (expect(200, response) && response.json().path("total").asInt() != seededTotal) {
            fail("q=" + seededPrefix + " counted " + response.json().path("total") + " instead of " + seededTotal);
        }
    }

    private boolean expect(int status, ApiResponse response) {
        if (response.status() != status) {
            fail("expected " + status + ": " + response.describe());
            return false;
        }
        return true;
    }

    private void fail(String failure) {
        synchronized (failures) {
            failureCount++;
            if (failures.size() < 100) {
                failures.add(failure);
            }
        }
    }

    /** How many operations have run so far. */
    int operations() {
        return operations.get();
    }

    /** Stops after the operation under way and returns what went wrong (empty when everything answered as expected). */
    List<String> stop() {
        running = false;
        try {
            worker.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** The ids of the contacts it created. */
    List<String> createdIds() {
        synchronized (failures) {
            return List.copyOf(created);
        }
    }

    /** A summary of what went wrong, for a failure message. */
    String describe(List<String> failed) {
        synchronized (failures) {
            return failureCount + " of " + operations.get() + " operations failed, first: "
                    + failed.subList(0, Math.min(5, failed.size()));
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
