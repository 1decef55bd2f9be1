package org.bastion.crm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SortRulesTest {

    private static final Set<String> ALLOWED = Set.of("name", "createdAt");
    private static final List<SortKey> DEFAULTS = List.of(new SortKey("createdAt", true));

    @Test
    void usesTheDefaultsWhenNothingIsRequestedAndEndsWithId() {
        assertThat(SortRules.resolve(List.of(), ALLOWED, DEFAULTS))
                .containsExactly(new SortKey("createdAt", true), new SortKey("id", true));
    }

    @Test
    void keepsTheRequestedOrderAndDoesNotRepeatAnIdTheClientAskedFor() {
        List<SortKey> requested = List.of(new SortKey("name", false), new SortKey("id", false));
        assertThat(SortRules.resolve(requested, ALLOWED, DEFAULTS)).containsExactlyElementsOf(requested);
    }

    @Test
    void refusesUnknownAndRepeatedFieldsOnTheSortParameterNamingTheAllowedOnes() {
        List<SortKey> requested = List.of(new SortKey("secret", true), new SortKey("name", true),
                new SortKey("name", false));
        assertThatThrownBy(() -> SortRules.resolve(requested, ALLOWED, DEFAULTS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("sort");
                            assertThat(error.message()).contains("unknown sort field 'secret'")
                                    .contains("'name' appears twice").contains("allowed: createdAt, name, id");
                        }));
    }
}
