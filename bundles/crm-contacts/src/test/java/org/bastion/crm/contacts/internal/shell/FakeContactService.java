package org.bastion.crm.contacts.internal.shell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.ContactQuery;
import org.bastion.crm.api.contacts.ContactService;
import org.bastion.crm.api.contacts.EmailAddress;

/** An in-memory contact service that validates e-mail addresses and remembers the last draft and query it saw. */
class FakeContactService implements ContactService {

    static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");

    final Map<UUID, Contact> stored = new LinkedHashMap<>();
    ContactDraft lastDraft;
    ContactQuery lastQuery;
    long lastDeleteVersion;
    RuntimeException failure;

    Contact add(ContactDraft draft) {
        Contact contact = new Contact(UUID.randomUUID(), draft.firstName(), draft.lastName(), draft.title(),
                draft.companyId(), draft.emails(), draft.phones(), draft.addresses(), draft.tags(),
                draft.owner() == null ? "alice" : draft.owner(), draft.notes(), draft.birthday(),
                NOW, NOW.plusSeconds(stored.size()), 0);
        stored.put(contact.id(), contact);
        return contact;
    }

    @Override
    public Contact create(ContactDraft draft) {
        lastDraft = draft;
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < draft.emails().size(); i++) {
            EmailAddress email = draft.emails().get(i);
            if (email.address() == null || !email.address().contains("@")) {
                errors.add(new FieldError("emails[" + i + "].address", "not a valid e-mail address"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (draft.companyId() != null) {
            throw new NotFoundException("company", draft.companyId());
        }
        return add(draft);
    }

    @Override
    public Optional<Contact> find(UUID id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public Contact update(UUID id, long expectedVersion, ContactDraft draft) {
        throw new UnsupportedOperationException("not used by the shell");
    }

    @Override
    public boolean delete(UUID id, long expectedVersion) {
        lastDeleteVersion = expectedVersion;
        return stored.remove(id) != null;
    }

    @Override
    public Page<Contact> search(ContactQuery query) {
        lastQuery = query;
        if (failure != null) {
            throw failure;
        }
        List<Contact> matches = stored.values().stream()
                .filter(c -> query.tag() == null || c.tags().contains(query.tag()))
                .filter(c -> query.owner() == null || query.owner().equals(c.owner()))
                .filter(c -> query.companyId() == null || query.companyId().equals(c.companyId()))
                .filter(c -> query.text() == null || c.displayName().toLowerCase().contains(query.text().toLowerCase()))
                .sorted(Comparator.comparing(Contact::updatedAt).reversed())
                .toList();
        int from = (int) Math.min(matches.size(), query.page().offset());
        int to = Math.min(matches.size(), from + query.page().size());
        return new Page<>(matches.subList(from, to), matches.size(), query.page().page(), query.page().size());
    }

    @Override
    public long count() {
        return stored.size();
    }
}
