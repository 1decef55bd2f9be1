package com.example.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactService;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.api.permissions.RecordScope;
import org.bastion.crm.support.jdbc.SqlWork;
import org.bastion.crm.support.jdbc.Transactions;
import org.bastion.crm.testing.FakeFieldCipher;
import org.bastion.crm.testing.MutableClock;
import org.bastion.crm.testing.RecordingEvents;
import org.junit.jupiter.api.Test;

import com.example.deals.Deal;
import com.example.deals.DealDraft;
import com.example.deals.DealQuery;
import com.example.deals.DealStage;

class DealServiceImplTest {

    private static final String SELLER = "seller";
    private static final String MATE = "mate";
    private static final String LEAD = "lead";
    private static final String AUDITOR = "auditor";
    private static final String OUTSIDER = "outsider";

    // tag::service-test-fixture[]
    private final InMemoryDealStore store = new InMemoryDealStore();
    private final FakeFieldCipher cipher = new FakeFieldCipher();
    private final ScopedPermissions permissions = new ScopedPermissions()
            .grant(SELLER, RecordScope.OWN, "read", "write", "delete", "read-sensitive", "write-sensitive")
            .grant(MATE, RecordScope.OWN, "read", "write", "delete")
            .grant(LEAD, RecordScope.TEAM, "read", "write")
            .grant(AUDITOR, RecordScope.ALL, "read", "read-sensitive")
            .grant(OUTSIDER, RecordScope.ALL, "read", "write", "delete", "read-sensitive", "write-sensitive")
            .team(LEAD, MATE);
    private final DealServiceImpl service = new DealServiceImpl(store, cipher, new DirectTransactions(),
            new MutableClock(Instant.parse("2026-12-07T10:00:00Z")));
    private String caller = SELLER;

    DealServiceImplTest() {
        service.permissions = permissions;
        service.callerContext = () -> new Caller(caller, caller, Set.of(), true);
    }
    // end::service-test-fixture[]

    private Deal createAs(String who, String owner, String notes) {
        caller = who;
        return service.create(new DealDraft("Licences", new BigDecimal("1200.5"), "eur", null, null, null, owner, notes));
    }

    // tag::service-test[]
    @Test
    void createdDealIsNormalisedOwnedByTheCallerAndItsNotesAreStoredEncrypted() {
        Deal deal = createAs(SELLER, null, "call back in May");

        assertThat(deal.owner()).isEqualTo(SELLER);
        assertThat(deal.currency()).isEqualTo("EUR");
        assertThat(deal.amount()).isEqualByComparingTo("1200.50").hasToString("1200.50");
        assertThat(deal.stage()).isEqualTo(DealStage.LEAD);
        assertThat(deal.version()).isEqualTo(1);
        assertThat(store.stored(deal.id()).notes()).isNotNull().doesNotContain("May");
        assertThat(service.find(deal.id())).map(Deal::notes).contains("call back in May");
    }
    // end::service-test[]

    @Test
    void ownScopeReachesOwnDealsOnly() {
        Deal sellers = createAs(SELLER, null, null);
        Deal mates = createAs(MATE, null, null);

        caller = SELLER;
        assertThat(service.find(mates.id())).isEmpty();
        assertThat(service.search(new DealQuery(null, null, null, null)).items()).extracting(Deal::id)
                .containsExactly(sellers.id());
        assertThatThrownBy(() -> service.update(mates.id(), 1, mates.toDraft())).isInstanceOf(NotFoundException.class);
        assertThat(service.delete(mates.id(), -1)).isFalse();
        assertThatThrownBy(() -> createAs(SELLER, MATE, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void teamScopeReachesTheMatesDealsButNotOthers() {
        Deal mates = createAs(MATE, null, null);
        Deal sellers = createAs(SELLER, null, null);

        caller = LEAD;
        assertThat(service.find(mates.id())).isPresent();
        assertThat(service.find(sellers.id())).isEmpty();
        DealDraft won = new DealDraft("Licences", mates.amount(), "EUR", DealStage.WON, null, null, null, null);
        assertThat(service.update(mates.id(), 1, won).stage()).isEqualTo(DealStage.WON);
        assertThatThrownBy(() -> service.delete(mates.id(), -1)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("deals:delete");
        assertThat(service.search(new DealQuery(null, null, null, null)).total()).isEqualTo(1);
    }

    @Test
    void allScopeWithoutWriteReadsEverythingAndChangesNothing() {
        Deal sellers = createAs(SELLER, null, "secret");
        createAs(MATE, null, null);

        caller = AUDITOR;
        assertThat(service.search(new DealQuery(null, null, null, null)).total()).isEqualTo(2);
        assertThat(service.find(sellers.id())).map(Deal::notes).contains("secret");
        assertThatThrownBy(() -> service.update(sellers.id(), 1, sellers.toDraft()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> createAs(AUDITOR, null, null)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("deals:write");
    }

    @Test
    void withoutWriteSensitiveNotesAreKeptWhenAbsentAndRefusedWhenChanged() {
        Deal deal = createAs(OUTSIDER, MATE, "keep me");

        caller = MATE;
        Deal shown = service.find(deal.id()).orElseThrow();
        assertThat(shown.notes()).as("no read-sensitive").isNull();
        Deal renamed = service.update(deal.id(), 1, new DealDraft("Renamed", deal.amount(), "EUR", null, null, null,
                null, null));
        assertThat(renamed.title()).isEqualTo("Renamed");
        assertThatThrownBy(() -> service.update(deal.id(), 2, new DealDraft("Renamed", deal.amount(), "EUR", null,
                null, null, null, "replaced"))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("deals:write-sensitive");
        assertThatThrownBy(() -> createAs(MATE, null, "notes")).isInstanceOf(AccessDeniedException.class);

        caller = OUTSIDER;
        assertThat(service.find(deal.id())).map(Deal::notes).contains("keep me");
    }

    @Test
    void everyChangePostsAnEventWithTheIdsOnly() {
        RecordingEvents events = new RecordingEvents();
        service.eventAdmin = events;

        Deal deal = createAs(SELLER, null, "secret");
        service.update(deal.id(), 1, deal.toDraft());
        service.delete(deal.id(), -1);

        assertThat(events.all()).extracting(e -> e.getTopic()).containsExactly("org/bastion/crm/deals/CREATED",
                "org/bastion/crm/deals/UPDATED", "org/bastion/crm/deals/DELETED");
        assertThat(events.last("org/bastion/crm/deals/CREATED").getPropertyNames())
                .contains("id", "caller").doesNotContain("notes", "title");
        assertThat(events.last("org/bastion/crm/deals/DELETED").getProperty("caller")).isEqualTo(SELLER);
    }

    @Test
    void listsNeverCarryNotes() {
        createAs(SELLER, null, "secret");

        assertThat(service.search(new DealQuery(null, null, null, null)).items()).extracting(Deal::notes)
                .containsOnlyNulls();
    }

    @Test
    void aStaleVersionIsRefused() {
        Deal deal = createAs(SELLER, null, null);
        service.update(deal.id(), 1, deal.toDraft());

        assertThatThrownBy(() -> service.update(deal.id(), 1, deal.toDraft())).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> service.delete(deal.id(), 1)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void deletingADealDestroysItsKey() {
        Deal deal = createAs(SELLER, null, "x");

        assertThat(service.delete(deal.id(), 1)).isTrue();

        assertThat(cipher.hasKey(new RecordRef("deal", deal.id().toString()))).isFalse();
        assertThat(service.find(deal.id())).isEmpty();
    }

    @Test
    void aContactReferenceIsCheckedWhileContactsIsInstalledAndStoredAsGivenWithoutIt() {
        UUID known = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        DealDraft withUnknown = new DealDraft("x", BigDecimal.ONE, "EUR", null, null, unknown, null, null);
        ContactService contacts = mock(ContactService.class);
        when(contacts.find(known)).thenReturn(Optional.of(mock(Contact.class)));
        when(contacts.find(unknown)).thenReturn(Optional.empty());

        service.contacts = contacts;
        assertThat(service.create(new DealDraft("x", BigDecimal.ONE, "EUR", null, null, known, null, null))
                .contactId()).isEqualTo(known);
        assertThatThrownBy(() -> service.create(withUnknown)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("contactId");
        when(contacts.find(unknown)).thenThrow(new AccessDeniedException("this needs contacts:read"));
        assertThatThrownBy(() -> service.create(withUnknown)).isInstanceOf(ValidationException.class);

        service.contacts = null;
        assertThat(service.create(withUnknown).contactId()).isEqualTo(unknown);
    }

    @Test
    void listsArePagedAndSortedAndAnUnknownSortFieldIsRefused() {
        for (String amount : List.of("10", "30", "20")) {
            caller = SELLER;
            service.create(new DealDraft("x", new BigDecimal(amount), "EUR", null, null, null, null, null));
        }

        Page<Deal> first = service.search(new DealQuery(null, null, null,
                new PageRequest(0, 2, List.of(new SortKey("amount", false)))));
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(d -> d.amount().intValue()).containsExactly(30, 20);
        assertThatThrownBy(() -> service.search(new DealQuery(null, null, null,
                new PageRequest(0, 2, List.of(new SortKey("colour", true)))))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("colour");
    }

    @Test
    void withoutAPermissionsServiceOnlyTheSystemCallerMayAct() {
        service.permissions = null;
        caller = SELLER;

        assertThatThrownBy(() -> service.search(new DealQuery(null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTransactionThatCannotCommitAnswersServiceUnavailable() {
        Transactions failing = new Transactions() {
            @Override
            public <T> T read(SqlWork<T> work) throws SQLException {
                throw new SQLException("the transaction failed: RollbackException", "40000");
            }

            @Override
            public <T> T write(SqlWork<T> work) throws SQLException {
                throw new SQLException("the transaction failed: RollbackException", "40000");
            }
        };
        DealServiceImpl refusing = new DealServiceImpl(store, cipher, failing, new MutableClock(Instant.EPOCH));

        assertThatThrownBy(() -> refusing.create(new DealDraft("Licences", new BigDecimal("10"), "EUR", null, null,
                null, null, null))).isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("the change could not be committed; nothing was stored");
        assertThat(refusing.search(new DealQuery(null, null, null, null)).items()).isEmpty();
    }
}
