package org.bastion.crm.audit.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EntryFormTest {

    private static EntryRow row(String targetKind, String targetId) {
        return new EntryRow(3, null, Instant.parse("2026-12-01T10:00:00.5Z"), "u\"1", "ädä 😀", "ssh", "::1",
                "contact.updated", targetKind, targetId, "denied", "{\"a\":\"\\n\"}", "[]", null, null)
                .chained(42, EntryForm.GENESIS);
    }

    @Test
    void theDirectFormEqualsTheGenericSortedOne() {
        for (EntryRow row : new EntryRow[] {row("contact", "c-\u0007"), row(null, null)}) {
            assertThat(EntryForm.canonical(row)).isEqualTo(EntryForm.fieldsThroughMap(row, false));
            assertThat(EntryForm.exportLine(row)).isEqualTo(EntryForm.fieldsThroughMap(row, true));
        }
    }

    @Test
    void timesHaveSixFractionDigitsInUtc() {
        assertThat(EntryForm.time(Instant.parse("2026-12-01T10:00:00.5Z"))).isEqualTo("2026-12-01T10:00:00.500000Z");
        assertThat(EntryForm.time(Instant.parse("1970-01-01T00:00:00.000001Z"))).isEqualTo("1970-01-01T00:00:00.000001Z");
        assertThat(EntryForm.time(Instant.parse("2024-02-29T23:59:59.999999Z"))).isEqualTo("2024-02-29T23:59:59.999999Z");
    }

    @Test
    void keysAreOrderedByCodePointsLikeUtf8Bytes() {
        assertThat(CanonicalJson.compareUtf8("\uffff", "😀")).isNegative();
        assertThat(CanonicalJson.compareUtf8("a", "ab")).isNegative();
        assertThat(CanonicalJson.compareUtf8("B", "a")).isNegative();
    }
}
