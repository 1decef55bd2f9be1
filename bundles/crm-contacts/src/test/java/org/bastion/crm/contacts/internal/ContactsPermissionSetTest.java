package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.bastion.crm.api.permissions.PermissionDefinition;
import org.junit.jupiter.api.Test;

class ContactsPermissionSetTest {

    private final ContactsPermissionSet set = new ContactsPermissionSet();

    @Test
    void definesTheContactAndCompanyPermissionsScopedExceptExport() {
        Map<String, Boolean> scoped = set.permissions().stream()
                .collect(Collectors.toMap(PermissionDefinition::permission, PermissionDefinition::scoped));

        assertThat(scoped).containsExactlyInAnyOrderEntriesOf(Map.of(
                "contacts:read", true, "contacts:write", true, "contacts:delete", true,
                "contacts:read-sensitive", true, "contacts:write-sensitive", true, "contacts:export", false,
                "companies:read", true, "companies:write", true, "companies:delete", true));
    }

    @Test
    void everyPermissionHasOneSentenceAndTheSensitiveOnesNameTheTaggedFields() {
        for (PermissionDefinition definition : set.permissions()) {
            assertThat(definition.description()).as(definition.permission()).endsWith(".")
                    .doesNotContain(". ");
        }
        assertThat(set.permissions()).filteredOn(d -> d.action().endsWith("-sensitive"))
                .allSatisfy(d -> assertThat(d.description()).contains("notes, birthday"));
    }
}
