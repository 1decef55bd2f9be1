package org.bastion.crm.contacts.internal.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.ContactQuery;
import org.bastion.crm.api.contacts.ContactService;

/** An in-memory contact service with optimistic locking, remembering the last query. */
class FakeContactService implements ContactService {

    final Map<UUID, Contact> contacts = new LinkedHashMap<>();
    ContactQuery lastQuery;

    @Override
    public Contact create(ContactDraft d) {
        Contact contact = of(UUID.randomUUID(), d, 0);
        contacts.put(contact.id(), contact);
        return contact;
    }

    @Override
    public Optional<Contact> find(UUID id) {
        return Optional.ofNullable(contacts.get(id));
    }

    @Override
    public Contact update(UUID id, long expectedVersion, ContactDraft d) {
        Contact current = find(id).orElseThrow(() -> new NotFoundException("contact", id));
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("contact", id, expectedVersion, current.version());
        }
        Contact updated = of(id, d, current.version() + 1);
        contacts.put(id, updated);
        return updated;
    }

    @Override
    public boolean delete(UUID id, long expectedVersion) {
        Contact current = contacts.get(id);
        if (current != null && expectedVersion >= 0 && current.version() != expectedVersion) {
            throw new StaleVersionException("contact", id, expectedVersion, current.version());
        }
        return contacts.remove(id) != null;
    }

    @Override
    public Page<Contact> search(ContactQuery query) {
        lastQuery = query;
        List<Contact> matching = new ArrayList<>();
        for (Contact contact : contacts.values()) {
            if ((query.companyId() == null || query.companyId().equals(contact.companyId()))
                    && (query.tag() == null || contact.tags().contains(query.tag()))) {
                matching.add(contact);
            }
        }
        int from = (int) Math.min(matching.size(), query.page().offset());
        int to = Math.min(matching.size(), from + query.page().size());
        return new Page<>(matching.subList(from, to), matching.size(), query.page().page(), query.page().size());
    }

    @Override
    public long count() {
        return contacts.size();
    }

    private static Contact of(UUID id, ContactDraft d, long version) {
        Instant now = Instant.parse("2024-01-31T12:00:00Z");
        return new Contact(id, d.firstName(), d.lastName(), d.title(), d.companyId(), d.emails(), d.phones(),
                d.addresses(), d.tags(), d.owner() == null ? "anonymous" : d.owner(), d.notes(), d.birthday(),
                now, now, version);
    }
}
