package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.bastion.crm.itests.support.AdminLogin;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.Expect;
import org.osgi.framework.BundleContext;

/**
 * The data side of the audit trail, seen in {@code crm_audit_entry}: contact changes over REST and over SSH with their
 * field history (personal values encrypted, never in the clear), reads and list pages, and a change rolled back at the
 * database after its entry was made, which leaves no entry.
 */
public final class DataAuditChecks {

    private static final String CONTACT = "contact";
    private static final String REFUSED_TAG = "itest-refused-tag";

    private final CrmApi api;
    private final BundleContext bundleContext;

    /** Checks with the admin's client and the container of {@code bundleContext}. */
    public DataAuditChecks(CrmApi api, BundleContext bundleContext) {
        this.api = api;
        this.bundleContext = bundleContext;
    }

    /**
     * POST, PATCH and DELETE of a contact whose personal values are markers: three entries naming the contact, with
     * the changed fields; personal values encrypted under the contact's key (no marker anywhere in the audit tables),
     * the tags (plaintext by design) as given, and a deletion that names the erased personal fields.
     */
    public void contactChangesOverRestCarryFieldHistoryWithoutPlaintext() {
        Markers markers = new Markers();
        ApiResponse created = Expect.status(201, api.post("/contacts", markers.contact()));
        String id = created.json().path("id").asText();
        String newFirstName = markers.personal("nf");
        String plainTag = "audit-" + markers.run();
        ApiResponse patched = Expect.status(200, api.patch("/contacts/" + id,
                object("firstName", newFirstName, "tags", array(plainTag)), "If-Match", Expect.versionEtag(created)));
        Expect.deleted(api.delete("/contacts/" + id, "If-Match", Expect.versionEtag(patched)));

        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            AuditTable audit = new AuditTable(database);
            String createdChanges = audit.changes(audit.awaitOne("contact.created", CONTACT, id));
            for (String field : List.of("firstName", "lastName", "emails", "phones", "addresses", "notes", "birthday")) {
                assertTrue("contact.created names " + field + ": " + createdChanges,
                        createdChanges.contains("\"field\":\"" + field + "\""));
            }
            assertTrue("personal values of contact.created are encrypted under the contact's key: " + createdChanges,
                    createdChanges.contains("\"protection\":\"encrypted\"")
                            && createdChanges.contains("\"record\":\"contact/" + id + "\""));
            long updated = audit.awaitOne("contact.updated", CONTACT, id);
            String updatedChanges = audit.changes(updated);
            assertTrue("contact.updated names firstName and tags only: " + updatedChanges,
                    updatedChanges.contains("\"field\":\"firstName\"") && updatedChanges.contains("\"field\":\"tags\"")
                            && !updatedChanges.contains("\"field\":\"lastName\""));
            assertTrue("the new tag (plaintext by design) is in the history, so the scan below sees stored values: "
                    + updatedChanges, updatedChanges.contains(plainTag));
            assertEquals("the admin made the change", adminId(), audit.column(updated, "actor_id"));
            String deletedDetails = audit.details(audit.awaitOne("contact.deleted", CONTACT, id));
            assertTrue("contact.deleted names the erased personal fields: " + deletedDetails,
                    deletedDetails.contains("erased") && deletedDetails.contains("firstName"));

            String auditRows = audit.everyRowAsText();
            assertTrue("the audit tables were read: the plain tag is in them", auditRows.contains(plainTag));
            for (String marker : markers.personalMarkers()) {
                assertFalse("personal marker " + marker + " is in the audit tables in plaintext",
                        auditRows.contains(marker));
            }
        }
    }

    private String adminId() {
        return Expect.json(200, api.get("/auth/me")).path("id").asText();
    }

    /** A contact read and a list page are queued and written: {@code contact.read} and {@code contact.listed} with ids. */
    public void contactReadAndListPageAreRecorded() {
        Markers markers = new Markers();
        String id = Expect.json(201, api.post("/contacts", markers.contact())).path("id").asText();
        Expect.status(200, api.get("/contacts/" + id));
        Expect.status(200, api.get("/contacts?tag=marked-" + markers.run()));
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            AuditTable audit = new AuditTable(database);
            audit.awaitOne("contact.read", CONTACT, id);
            org.bastion.crm.itests.support.Await.until("a contact.listed entry naming " + id, AuditTable.QUEUED,
                    () -> database.number("SELECT COUNT(*) FROM crm_audit_entry WHERE action = 'contact.listed'"
                            + " AND details LIKE ?", "%" + id + "%"), n -> n >= 1);
        }
    }

    /**
     * Over SSH, as the admin: {@code crm:contact-add} then {@code crm:contact-delete}, each recorded with the admin as
     * actor and its field history.
     */
    public void contactChangesOverSshAreRecorded() {
        Markers markers = new Markers();
        String first = markers.personal("sf");
        String id = SshCommands.runAs(AdminLogin.current(), "crm:contact-add --first " + first
                + " --last Shell --tag ssh-" + markers.run()).trim();
        assertTrue("crm:contact-add printed the new id: " + id, id.matches("[0-9a-f-]{36}"));
        String deleted = SshCommands.runAs(AdminLogin.current(), "crm:contact-delete " + id);
        assertTrue("crm:contact-delete deleted it: " + deleted, deleted.contains("Deleted contact " + id));
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            AuditTable audit = new AuditTable(database);
            long created = audit.awaitOne("contact.created", CONTACT, id);
            assertEquals("the SSH user (the admin) made the change", adminId(), audit.column(created, "actor_id"));
            String changes = audit.changes(created);
            assertTrue("firstName is in the history, encrypted: " + changes, changes.contains(
                    "\"field\":\"firstName\"") && !changes.contains(first));
            System.out.println("DataAuditChecks: contact.created over SSH recorded with channel "
                    + audit.column(created, "channel"));
            audit.awaitOne("contact.deleted", CONTACT, id);
        }
    }

    /**
     * A PATCH whose entry is made and whose row then fails a database constraint (added for the check: a tag the
     * database refuses) is rolled back with its entry: 409, the contact unchanged, no {@code contact.updated} entry and
     * the refused tag nowhere in the audit tables.
     */
    public void aChangeRolledBackAtTheDatabaseLeavesNoEntry() {
        Markers markers = new Markers();
        ApiResponse created = Expect.status(201, api.post("/contacts", markers.contact()));
        String id = created.json().path("id").asText();
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            database.update("ALTER TABLE crm_contact_tag ADD CONSTRAINT itest_refused_tag CHECK (tag <> '"
                    + REFUSED_TAG + "')");
            try {
                ApiResponse refused = api.patch("/contacts/" + id, object("tags", array(REFUSED_TAG)), "If-Match",
                        Expect.versionEtag(created));
                Expect.problemWithStatusIn(refused, 409, 400);
            } finally {
                database.update("ALTER TABLE crm_contact_tag DROP CONSTRAINT itest_refused_tag");
            }
            AuditTable audit = new AuditTable(database);
            audit.awaitOne("contact.created", CONTACT, id);
            assertEquals("contact.updated entries of the rolled-back change", 0,
                    audit.count("contact.updated", CONTACT, id));
            assertFalse("the refused tag is nowhere in the audit tables",
                    audit.everyRowAsText().contains(REFUSED_TAG));
            assertEquals("the contact kept its version", Expect.versionEtag(created),
                    Expect.versionEtag(Expect.status(200, api.get("/contacts/" + id))));
        }
    }
}
