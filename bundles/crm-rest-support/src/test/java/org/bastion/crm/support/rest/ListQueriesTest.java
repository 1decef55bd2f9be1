package org.bastion.crm.support.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.testing.RestMocks;
import org.junit.jupiter.api.Test;

class ListQueriesTest {

    @Test
    void aBlankTextFilterFiltersNothing() {
        assertThat(ListQueries.text("  ")).isNull();
        assertThat(ListQueries.text(null)).isNull();
        assertThat(ListQueries.text(" won ")).isEqualTo("won");
    }

    @Test
    void readsPageSizeAndSortWithTheirDefaults() {
        assertThat(ListQueries.page(null, null, null)).isEqualTo(new PageRequest(0, PageRequest.DEFAULT_SIZE, List.of()));
        assertThat(ListQueries.page("2", "50", "-amount,title")).isEqualTo(new PageRequest(2, 50,
                List.of(new SortKey("amount", false), new SortKey("title", true))));
    }

    @Test
    void refusesPagingOutOfRangeNamingTheParameters() {
        assertThatThrownBy(() -> ListQueries.page("x", "500", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field()).containsExactly("page"));
        assertThatThrownBy(() -> ListQueries.page("0", "500", null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("size");
    }

    @Test
    void answersAPageWithItsLinks() {
        PageBody<String> body = ListQueries.body(RestMocks.uri("https://crm.test/api/v1/deals?q=big&page=1&size=1"),
                new Page<>(List.of("b"), 3, 1, 1));
        assertThat(body.items()).containsExactly("b");
        assertThat(body.links()).containsEntry("next", "https://crm.test/api/v1/deals?q=big&page=2&size=1")
                .containsEntry("prev", "https://crm.test/api/v1/deals?q=big&page=0&size=1");
    }

    @Test
    void documentsSizeWithTheApisLimits() {
        assertThat(ListQueries.SIZE_DESCRIPTION).isEqualTo("page size, 1 to 200, default 20");
    }

    @Test
    void aOneLineFilterIsTrimmedAndRefusesControlCharactersNamingTheParameter() {
        assertThat(ListQueries.text("owner", "  u-1 ")).isEqualTo("u-1");
        assertThat(ListQueries.text("owner", " ")).isNull();
        assertThatThrownBy(() -> ListQueries.text("owner", "a\u0000b"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).singleElement()
                                .satisfies(error -> assertThat(error.field()).isEqualTo("owner")));
    }
}
