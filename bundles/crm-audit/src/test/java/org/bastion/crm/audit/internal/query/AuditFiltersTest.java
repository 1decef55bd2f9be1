package org.bastion.crm.audit.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditOutcome;
import org.junit.jupiter.api.Test;

class AuditFiltersTest {

    private static Map<String, List<String>> query(String... nameValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.computeIfAbsent(nameValues[i], n -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return parameters;
    }

    private static List<String> fieldsOf(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void readsEveryFilter() {
        AuditFilter filter = AuditFilters.parse(query("actor", "u-1", "action", "auth.login.failed", "targetKind",
                "contact", "targetId", "c-9", "outcome", "DENIED", "from", "2026-12-01T00:00:00Z", "to",
                "2026-12-02T01:00:00+01:00"), AuditFilters.FILTERS);

        assertThat(filter).isEqualTo(new AuditFilter("u-1", "auth.login.failed", false, "contact", "c-9",
                AuditOutcome.DENIED, Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z")));
    }

    @Test
    void anActionEndingInDotStarIsAPrefix() {
        AuditFilter filter = AuditFilters.parse(query("action", "auth.*"), AuditFilters.FILTERS);

        assertThat(filter.action()).isEqualTo("auth.");
        assertThat(filter.actionPrefix()).isTrue();
    }

    @Test
    void noParametersMeanNoFilter() {
        assertThat(AuditFilters.parse(Map.of(), AuditFilters.FILTERS)).isEqualTo(AuditFilter.ALL);
    }

    @Test
    void anUnknownParameterIsNamed() {
        assertThatThrownBy(() -> AuditFilters.parse(query("user", "u-1"), AuditFilters.FILTERS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fieldsOf(e)).containsExactly("user"));
    }

    @Test
    void malformedTimesAreNamed() {
        assertThatThrownBy(() -> AuditFilters.parse(query("from", "yesterday", "to", "2026-13-01T00:00:00Z"),
                AuditFilters.FILTERS)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fieldsOf(e)).containsExactly("from", "to"));
    }

    @Test
    void fromAfterToIsRefusedNamingFrom() {
        assertThatThrownBy(() -> AuditFilters.parse(query("from", "2026-12-02T00:00:00Z", "to",
                "2026-12-01T00:00:00Z"), AuditFilters.FILTERS)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fieldsOf(e)).containsExactly("from"));
    }

    @Test
    void badActionOutcomeAndKindAreNamed() {
        assertThatThrownBy(() -> AuditFilters.parse(query("action", "auth.*.failed", "outcome", "maybe",
                "targetKind", "Contact"), AuditFilters.FILTERS)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fieldsOf(e)).containsExactlyInAnyOrder("action", "outcome", "targetKind"));
    }

    @Test
    void aTargetIdNeedsAKind() {
        assertThatThrownBy(() -> AuditFilters.parse(query("targetId", "c-9"), AuditFilters.FILTERS))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fieldsOf(e)).containsExactly("targetId"));
    }

    @Test
    void aRepeatedParameterIsRefused() {
        assertThatThrownBy(() -> AuditFilters.parse(query("actor", "a", "actor", "b"), AuditFilters.FILTERS))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fieldsOf(e)).containsExactly("actor"));
    }

    @Test
    void aControlCharacterInATextFilterIsRefusedBeforeItReachesTheDatabase() {
        assertThatThrownBy(() -> AuditFilters.parse(query("actor", "a\u0000b", "targetKind", "contact", "targetId",
                "x\u001by"), AuditFilters.FILTERS))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fieldsOf(e)).containsExactlyInAnyOrder("actor", "targetId"));
    }
}
