package org.bastion.crm.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.ValidationException;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void missingParametersMeanFirstPageOfDefaultSize() {
        PageRequest request = Paging.request(null, "", null);
        assertThat(request.page()).isZero();
        assertThat(request.size()).isEqualTo(PageRequest.DEFAULT_SIZE);
        assertThat(request.sort()).isEmpty();
    }

    @Test
    void parsesPageSizeAndSort() {
        PageRequest request = Paging.request("2", "50", "lastName,-createdAt");
        assertThat(request.page()).isEqualTo(2);
        assertThat(request.size()).isEqualTo(50);
        assertThat(request.sort()).containsExactly(new SortKey("lastName", true), new SortKey("createdAt", false));
    }

    @Test
    void sizeAboveTheMaximumIsAFieldError() {
        assertThatThrownBy(() -> Paging.request("0", "201", null)).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).errors())
                .isEqualTo(List.of(new FieldError("size", "must be between 1 and 200")));
    }

    @Test
    void nonNumbersAreFieldErrorsForEachParameter() {
        assertThatThrownBy(() -> Paging.request("x", "y", null)).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).errors().stream().map(FieldError::field).toList())
                .isEqualTo(List.of("page", "size"));
        assertThatThrownBy(() -> Paging.request("-1", null, null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void middlePageLinksToAllNeighboursAndKeepsOtherParameters() {
        URI uri = URI.create("http://h/api/v1/contacts?q=ann%20b&page=1&size=10&tag=vip");
        var links = Paging.links(uri, new Page<>(List.of(), 35, 1, 10));
        assertThat(links).containsExactly(
                org.assertj.core.api.Assertions.entry("self", "http://h/api/v1/contacts?q=ann%20b&tag=vip&page=1&size=10"),
                org.assertj.core.api.Assertions.entry("first", "http://h/api/v1/contacts?q=ann%20b&tag=vip&page=0&size=10"),
                org.assertj.core.api.Assertions.entry("prev", "http://h/api/v1/contacts?q=ann%20b&tag=vip&page=0&size=10"),
                org.assertj.core.api.Assertions.entry("next", "http://h/api/v1/contacts?q=ann%20b&tag=vip&page=2&size=10"),
                org.assertj.core.api.Assertions.entry("last", "http://h/api/v1/contacts?q=ann%20b&tag=vip&page=3&size=10"));
    }

    @Test
    void onlyPageHasNeitherPrevNorNext() {
        var links = Paging.links(URI.create("http://h/c"), new Page<>(List.of(), 0, 0, 20));
        assertThat(links).containsOnlyKeys("self", "first", "last");
        assertThat(links.get("last")).isEqualTo("http://h/c?page=0&size=20");
    }

    @Test
    void pageBeyondTheEndPointsBackToTheLastPage() {
        var links = Paging.links(URI.create("http://h/c?page=9"), new Page<>(List.of(), 25, 9, 10));
        assertThat(links.get("prev")).isEqualTo("http://h/c?page=2&size=10");
        assertThat(links).doesNotContainKey("next");
    }

    @Test
    void bodyCarriesItemsTotalsAndLinksInOrder() {
        PageBody<String> body = Paging.body(URI.create("http://h/c"), new Page<>(List.of("a"), 1, 0, 20));
        assertThat(body.items()).containsExactly("a");
        assertThat(body.total()).isEqualTo(1);
        assertThat(body.links().keySet()).containsExactly("self", "first", "last");
    }
}
