package org.bastion.crm.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void etagQuotesTheVersionAndParsesBack() {
        assertThat(EntityTags.of(7)).isEqualTo("\"7\"");
        assertThat(EntityTags.versionOf("\"7\"")).hasValue(7);
    }

    @Test
    void weakOrForeignTagsNameNoVersion() {
        assertThat(EntityTags.versionOf("W/\"7\"")).isEmpty();
        assertThat(EntityTags.versionOf("\"abc\"")).isEmpty();
        assertThat(EntityTags.versionOf("7")).isEmpty();
        assertThat(EntityTags.versionOf("\"\"")).isEmpty();
        assertThat(EntityTags.versionOf("\"99999999999999999999\"")).isEmpty();
    }

    @Test
    void missingIfMatchIsAPreconditionRequired() {
        assertThatThrownBy(() -> IfMatch.require(null)).isInstanceOf(PreconditionRequiredException.class)
                .extracting(e -> ((PreconditionRequiredException) e).code()).isEqualTo("precondition-required");
        assertThatThrownBy(() -> IfMatch.require("  ")).isInstanceOf(PreconditionRequiredException.class);
    }

    @Test
    void starMatchesEveryVersion() {
        IfMatch any = IfMatch.require("*");
        assertThat(any.matches(0)).isTrue();
        assertThat(any.matches(42)).isTrue();
    }

    @Test
    void listOfTagsMatchesOnlyTheVersionsItNames() {
        IfMatch ifMatch = IfMatch.require("\"3\", W/\"4\", \"5\"");
        assertThat(ifMatch.matches(3)).isTrue();
        assertThat(ifMatch.matches(5)).isTrue();
        assertThat(ifMatch.matches(4)).isFalse();
        assertThat(ifMatch.expectedVersion()).isEqualTo(3);
    }

    @Test
    void garbageIfMatchIsPresentButMatchesNothing() {
        IfMatch ifMatch = IfMatch.require("nonsense");
        assertThat(ifMatch.matches(0)).isFalse();
        assertThat(ifMatch.expectedVersion()).isEqualTo(-1);
    }

    @Test
    void optionalIfMatchIsEmptyWhenAbsent() {
        assertThat(IfMatch.parse(null)).isEmpty();
        assertThat(IfMatch.parse("\"1\"")).hasValueSatisfying(m -> assertThat(m.matches(1)).isTrue());
    }
}
