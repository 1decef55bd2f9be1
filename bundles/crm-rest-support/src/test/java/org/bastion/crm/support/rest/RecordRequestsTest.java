package org.bastion.crm.support.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.IfMatch;
import org.bastion.crm.api.StaleVersionException;
import org.junit.jupiter.api.Test;

class RecordRequestsTest {

    @Test
    void aPathIdIsAUuidOrNamesNoRecord() {
        UUID id = UUID.randomUUID();
        assertThat(RecordRequests.pathId("deal", id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> RecordRequests.pathId("deal", "42")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RecordRequests.pathId("deal", "<script>")).isInstanceOf(NotFoundException.class)
                .hasMessageNotContaining("<script>");
    }

    @Test
    void aQueryIdIsOptionalButMustBeAUuidWhenGiven() {
        assertThat(RecordRequests.queryId("contactId", " ")).isNull();
        assertThatThrownBy(() -> RecordRequests.queryId("contactId", "nope"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("contactId"));
    }

    @Test
    void aMissingBodyIsRefused() {
        assertThat(RecordRequests.body("x")).isEqualTo("x");
        assertThatThrownBy(() -> RecordRequests.body(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void ifMatchMustNameTheCurrentVersion() {
        UUID id = UUID.randomUUID();
        RecordRequests.check(IfMatch.require("\"7\""), "deal", id, 7);
        RecordRequests.check(IfMatch.require("*"), "deal", id, 7);
        assertThatThrownBy(() -> RecordRequests.check(IfMatch.require("\"6\""), "deal", id, 7))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void ifNoneMatchIsFreshOnlyForTheCurrentVersion() {
        assertThat(RecordRequests.fresh("\"7\"", 7)).isTrue();
        assertThat(RecordRequests.fresh("\"6\"", 7)).isFalse();
        assertThat(RecordRequests.fresh(null, 7)).isFalse();
    }
}
