package org.bastion.crm.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpProblemsTest {

    @Test
    void aKnownStatusHasAStableTypeAndTitle() {
        assertThat(HttpProblems.typeOf(415)).isEqualTo("https://bastion-crm.org/problems/unsupported-media-type");
        assertThat(HttpProblems.titleOf(404)).isEqualTo("Not found");
        assertThat(HttpProblems.isKnown(431)).isTrue();
    }

    @Test
    void anUnknownStatusGetsAGenericCodeAndTitle() {
        assertThat(HttpProblems.isKnown(418)).isFalse();
        assertThat(HttpProblems.codeOf(418)).isEqualTo("http-418");
        assertThat(HttpProblems.titleOf(418)).isEqualTo("HTTP 418");
    }

    @Test
    void theMinimalBodyIsTypeTitleAndStatusOnly() {
        assertThat(HttpProblems.minimalJson(405)).isEqualTo("{\"type\":\"https://bastion-crm.org/problems/"
                + "method-not-allowed\",\"title\":\"Method not allowed\",\"status\":405}");
    }

    @Test
    void securityHeadersAreOneFixedSet() {
        assertThat(SecurityHeaders.FIXED).containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("X-Frame-Options", "DENY").containsEntry("Referrer-Policy", "no-referrer");
        assertThat(SecurityHeaders.DEFAULTS).containsEntry("Cache-Control", "no-store")
                .containsEntry("Content-Security-Policy", "frame-ancestors 'none'");
    }
}
