package org.bastion.crm.itests.crash;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Json;

/**
 * One client writing contacts and companies as fast as the server answers: creates, updates with If-Match, deletes
 * with If-Match, company creates, each recorded in the {@link Ledger} once answered 2xx. It owns the records it
 * created, so no other client's write can interfere with what it expects. Stops at the first write left unanswered
 * (the server was killed).
 */
public final class ContactWriter implements Runnable {

    private final Ledger ledger;
    private CrmApi api;
    private final String prefix;
    private final List<RecordFacts> live = new ArrayList<>();
    private volatile boolean stopped;
    private int sequence;

    /** A writer into {@code ledger} whose records are named after {@code prefix}. */
    public ContactWriter(Ledger ledger, String prefix) {
        this.ledger = ledger;
        this.prefix = prefix;
    }

    /** Asks the writer to end after its current write. */
    public void stop() {
        stopped = true;
    }

    /**
     * Makes the writer ready for a round with {@code client} (an admin's client of its own, new after each start: the
     * connections of the old one died with the server); forgets deleted and lost records and clears the stop request.
     */
    public void resume(CrmApi client) {
        api = client;
        live.removeIf(facts -> facts.deleted() || facts.lost());
        stopped = false;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                int dice = ThreadLocalRandom.current().nextInt(100);
                if (live.size() < 3 || dice < 40) {
                    createContact();
                } else if (dice < 70) {
                    update(live.get(ThreadLocalRandom.current().nextInt(live.size())));
                } else if (dice < 85) {
                    delete(live.remove(ThreadLocalRandom.current().nextInt(live.size())));
                } else {
                    createCompany();
                }
            }
        } catch (UncheckedIOException unanswered) {
            // the server went away mid-request: this write may or may not have committed
        }
    }

    private void createContact() {
        Map<String, Object> body = contact(++sequence, "v1");
        ApiResponse answer = WriteCall.send(ledger, true, () -> api.post("/contacts", body));
        if (answer.status() == 201) {
            RecordFacts facts = new RecordFacts("contact", answer.json(), ledger.round(), System.nanoTime());
            ledger.add(facts);
            live.add(facts);
            ledger.acknowledged();
        } else {
            ledger.unexpected("create contact: " + answer.describe());
        }
    }

    private void update(RecordFacts facts) {
        JsonNode acked = facts.acked();
        Map<String, Object> body = contact(sequence, "v" + (acked.path("version").asLong() + 1));
        body.put("lastName", acked.path("lastName").asText());
        body.put("emails", Json.parse(Json.write(acked.path("emails"))));
        facts.sending(RecordFacts.Pending.UPDATE, Json.parse(Json.write(body)));
        ApiResponse answer = WriteCall.send(ledger, false,
                () -> api.put("/contacts/" + facts.id(), body, "If-Match", facts.etag()));
        if (answer.status() == 200) {
            facts.acknowledge(answer.json(), ledger.round(), System.nanoTime());
            ledger.acknowledged();
        } else {
            facts.refused();
            ledger.unexpected("update contact " + facts.id() + ": " + answer.describe());
        }
    }

    private void delete(RecordFacts facts) {
        facts.sending(RecordFacts.Pending.DELETE, null);
        ApiResponse answer = WriteCall.send(ledger, false,
                () -> api.delete("/contacts/" + facts.id(), "If-Match", facts.etag()));
        if (answer.status() == 204 || answer.status() == 200) {
            facts.acknowledgeDelete(ledger.round(), System.nanoTime());
            ledger.acknowledged();
        } else {
            facts.refused();
            live.add(facts);
            ledger.unexpected("delete contact " + facts.id() + ": " + answer.describe());
        }
    }

    private void createCompany() {
        int number = ++sequence;
        Map<String, Object> body = object("name", "Crash Co " + prefix + " " + number,
                "domain", prefix + "-" + number + ".example",
                "tags", array("crash"));
        ApiResponse answer = WriteCall.send(ledger, true, () -> api.post("/companies", body));
        if (answer.status() == 201) {
            ledger.add(new RecordFacts("company", answer.json(), ledger.round(), System.nanoTime()));
            ledger.acknowledged();
        } else {
            ledger.unexpected("create company: " + answer.describe());
        }
    }


    private Map<String, Object> contact(int number, String revision) {
        String name = prefix + "n" + number;
        int phone = ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        return object(
                "firstName", "Crash",
                "lastName", name,
                "title", "Buyer " + revision,
                "emails", array(object("type", "work", "address", name + "@crash.example", "primary", true)),
                "phones", array(object("type", "work", "number", "+4930" + phone)),
                "notes", "round " + ledger.round() + ", " + revision);
    }
}
