package org.bastion.crm.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.bastion.crm.api.contacts.Contact;
import org.junit.jupiter.api.Test;

class FieldTagsTest {

    record Sample(String id, @DataTags(FieldTag.PERSONAL) String name, @DataTags(FieldTag.SENSITIVE) String health) {
    }

    @Test
    void readsTagsInDeclarationOrderAndSensitiveImpliesPersonal() {
        assertThat(FieldTags.of(Sample.class)).containsOnlyKeys("name", "health");
        assertThat(FieldTags.of(Sample.class).keySet()).containsExactly("name", "health");
        assertThat(FieldTags.of(Sample.class).get("health")).containsExactlyInAnyOrder(FieldTag.PERSONAL, FieldTag.SENSITIVE);
        assertThat(FieldTags.has(Sample.class, "id", FieldTag.PERSONAL)).isFalse();
    }

    @Test
    void contactDeclaresItsPersonalAndSensitiveFields() {
        assertThat(FieldTags.fieldsTagged(Contact.class, FieldTag.PERSONAL)).containsExactly("firstName", "lastName",
                "title", "emails", "phones", "addresses", "notes", "birthday");
        assertThat(FieldTags.fieldsTagged(Contact.class, FieldTag.SENSITIVE)).isEqualTo(Set.of("notes", "birthday"));
        assertThat(FieldTags.has(Contact.class, "owner", FieldTag.PERSONAL)).isFalse();
        assertThat(FieldTags.has(Contact.class, "tags", FieldTag.PERSONAL)).isFalse();
    }
}
