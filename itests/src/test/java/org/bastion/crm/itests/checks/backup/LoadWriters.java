package org.bastion.crm.itests.checks.backup;

import static org.bastion.crm.itests.support.Json.object;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;

/**
 * Client threads that create, update and delete contacts with companies and notes in a tight loop, each on contacts of
 * its own, remembering what the server acknowledged. {@link #freeze()} draws a line: every writer finishes the write
 * in flight, hands over the state of everything it wrote so far and never touches those contacts again (it goes on with
 * new ones), so whatever was acknowledged before the line is known exactly, however the later writes fall.
 */
final class LoadWriters implements AutoCloseable {

    /** A contact as last acknowledged: its company and notes. */
    record Written(String contactId, String companyId, String notes) {
    }

    /** Everything acknowledged before {@link #freeze()}: live contacts, deleted contacts and deleted companies. */
    record Frozen(Map<String, Written> live, Set<String> deletedContacts, Set<String> deletedCompanies) {
    }

    private final List<Writer> writers = new ArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final LongAdder writes = new LongAdder();
    private volatile boolean running = true;

    /** Starts {@code threads} writers. */
    LoadWriters(CrmApi api, LoadMarkers markers, int threads) {
        for (int i = 0; i < threads; i++) {
            Writer writer = new Writer(api, markers, new Random(i));
            Thread thread = new Thread(writer, "crm-itest-backup-writer-" + i);
            thread.setDaemon(true);
            writer.thread = thread;
            writers.add(writer);
            thread.start();
        }
    }

    /** Acknowledged writes so far. */
    long writes() {
        return writes.sum();
    }

    /** Answers that were not what a write expects (status, method, path, body). */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Draws the line (see the class comment) and returns what was acknowledged before it. */
    Frozen freeze() {
        writers.forEach(writer -> writer.freezeRequested = true);
        Map<String, Written> live = new HashMap<>();
        Set<String> deletedContacts = new HashSet<>();
        Set<String> deletedCompanies = new HashSet<>();
        for (Writer writer : writers) {
            Frozen part = awaitFrozen(writer);
            live.putAll(part.live());
            deletedContacts.addAll(part.deletedContacts());
            deletedCompanies.addAll(part.deletedCompanies());
        }
        return new Frozen(live, deletedContacts, deletedCompanies);
    }

    private static Frozen awaitFrozen(Writer writer) {
        try {
            return writer.frozen.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("writer " + writer.thread.getName() + " did not finish its write within 60 s");
        } catch (ExecutionException e) {
            throw new AssertionError("writer " + writer.thread.getName() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the writers and waits for them. */
    @Override
    public void close() {
        running = false;
        for (Writer writer : writers) {
            try {
                writer.thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One writer thread and the contacts it owns. */
    private final class Writer implements Runnable {

        private final CrmApi api;
        private final LoadMarkers markers;
        private final Random random;
        private final List<Written> live = new ArrayList<>();
        private final Map<String, String> etags = new HashMap<>();
        private final Set<String> ownCompanies = new HashSet<>();
        private final Set<String> deletedContacts = new HashSet<>();
        private final Set<String> deletedCompanies = new HashSet<>();
        private final CompletableFuture<Frozen> frozen = new CompletableFuture<>();
        private volatile boolean freezeRequested;
        private Thread thread;
        private String sharedCompany;

        Writer(CrmApi api, LoadMarkers markers, Random random) {
            this.api = api;
            this.markers = markers;
            this.random = random;
        }

        @Override
        public void run() {
            try {
                sharedCompany = createCompany();
                while (running) {
                    if (freezeRequested && !frozen.isDone()) {
                        freeze();
                    }
                    writeOnce();
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add(thread.getName() + ": " + e);
                frozen.completeExceptionally(e);
            }
        }

        private void freeze() {
            Map<String, Written> byId = new HashMap<>();
            live.forEach(written -> byId.put(written.contactId(), written));
            frozen.complete(new Frozen(byId, Set.copyOf(deletedContacts), Set.copyOf(deletedCompanies)));
            live.clear();
        }

        private void writeOnce() {
            int dice = random.nextInt(10);
            if (live.size() < 4 || dice < 5) {
                create();
            } else if (dice < 8) {
                update(live.get(random.nextInt(live.size())));
            } else {
                delete(live.remove(random.nextInt(live.size())));
            }
        }

        private void create() {
            String companyId = random.nextBoolean() ? createCompany() : sharedCompany;
            if (!companyId.equals(sharedCompany)) {
                ownCompanies.add(companyId);
            }
            String notes = markers.notes();
            ApiResponse created = expect(201, api.post("/contacts", markers.contact(companyId, notes)));
            String id = created.json().path("id").asText();
            etags.put(id, created.etag());
            live.add(new Written(id, companyId, notes));
        }

        private String createCompany() {
            return expect(201, api.post("/companies", markers.company())).json().path("id").asText();
        }

        private void update(Written contact) {
            String notes = markers.notes();
            ApiResponse patched = expect(200, api.patch("/contacts/" + contact.contactId(), object("notes", notes),
                    "If-Match", etags.get(contact.contactId())));
            etags.put(contact.contactId(), patched.etag());
            live.set(live.indexOf(contact), new Written(contact.contactId(), contact.companyId(), notes));
        }

        private void delete(Written contact) {
            ApiResponse deleted = api.delete("/contacts/" + contact.contactId());
            expectDeleted(deleted);
            deletedContacts.add(contact.contactId());
            etags.remove(contact.contactId());
            if (ownCompanies.remove(contact.companyId())) {
                expectDeleted(api.delete("/companies/" + contact.companyId()));
                deletedCompanies.add(contact.companyId());
            }
        }

        private void expectDeleted(ApiResponse answer) {
            if (answer.status() != 204 && answer.status() != 200) {
                throw new AssertionError("expected 204: " + answer.describe());
            }
            writes.increment();
        }

        private ApiResponse expect(int status, ApiResponse answer) {
            if (answer.status() != status) {
                throw new AssertionError("expected " + status + ": " + answer.describe());
            }
            writes.increment();
            return answer;
        }
    }
}
