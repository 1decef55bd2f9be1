package org.bastion.crm.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.ValidationException;
import org.junit.jupiter.api.Test;

class ShellInputTest {

    @Test
    void readsACanonicalUuidAndNothingForAnEmptyOption() {
        UUID id = UUID.randomUUID();
        assertThat(ShellInput.uuid("company", " " + id + " ")).isEqualTo(id);
        assertThat(ShellInput.uuid("company", "  ")).isNull();
    }

    @Test
    void refusesANonCanonicalUuidNamingTheOption() {
        assertThatThrownBy(() -> ShellInput.uuid("company", "1-2-3-4-5"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("company"));
    }

    @Test
    void readsAnIsoDateAndRefusesAnythingElse() {
        assertThat(ShellInput.date("birthday", "1815-12-10")).isEqualTo(LocalDate.of(1815, 12, 10));
        assertThat(ShellInput.date("birthday", null)).isNull();
        assertThatThrownBy(() -> ShellInput.date("birthday", "10.12.1815"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("yyyy-mm-dd");
    }

    @Test
    void countsPagesFromOneAsUsersDo() {
        PageRequest request = ShellInput.page(2, 10, "-name");
        assertThat(request.page()).isEqualTo(1);
        assertThat(request.size()).isEqualTo(10);
        assertThat(request.sort()).containsExactly(new SortKey("name", false));
        assertThatThrownBy(() -> ShellInput.page(0, 10, null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void treatsABlankOptionAsUnset() {
        assertThat(ShellInput.blankToNull("  ")).isNull();
        assertThat(ShellInput.blankToNull(" vip ")).isEqualTo("vip");
    }
}
