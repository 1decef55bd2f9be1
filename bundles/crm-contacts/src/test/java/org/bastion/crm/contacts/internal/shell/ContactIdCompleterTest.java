package org.bastion.crm.contacts.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.Candidate;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactIdCompleterTest {

    private final FakeContactService service = new FakeContactService();
    private final ContactIdCompleter completer = new ContactIdCompleter();

    @BeforeEach
    void setUp() {
        completer.contacts = service;
    }

    @Test
    void offersContactIdsWithTheContactsNameAsDescription() {
        Contact ann = service.add(new ContactDraft("Ann", "Archer", null, null, null, null, null, null, null, null, null));
        Contact bob = service.add(new ContactDraft("Bob", "Baker", null, null, null, null, null, null, null, null, null));
        List<Candidate> candidates = new ArrayList<>();

        completer.completeCandidates(null, null, candidates);

        assertThat(candidates).extracting(Candidate::value, Candidate::descr).containsExactly(
                org.assertj.core.groups.Tuple.tuple(bob.id().toString(), "Bob Baker"),
                org.assertj.core.groups.Tuple.tuple(ann.id().toString(), "Ann Archer"));
        assertThat(candidates).allMatch(Candidate::complete);
    }

    @Test
    void asksForTheMostRecentlyChangedContactsOnly() {
        completer.completeCandidates(null, null, new ArrayList<>());

        assertThat(service.lastQuery.page().size()).isEqualTo(ContactIdCompleter.LIMIT);
        assertThat(service.lastQuery.page().sort()).containsExactly(new SortKey("updatedAt", false));
    }

    @Test
    void offersNothingWhenTheServiceRefuses() {
        service.add(new ContactDraft("Ann", null, null, null, null, null, null, null, null, null, null));
        service.failure = ValidationException.of("sort", "unknown field");
        List<Candidate> candidates = new ArrayList<>();

        completer.completeCandidates(null, null, candidates);

        assertThat(candidates).isEmpty();
    }
}
