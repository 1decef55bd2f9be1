package org.bastion.crm.support.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfiguredAuditPolicyTest {

    @Test
    void anAuditTrailIsNotRequiredByDefault() {
        assertThat(new ConfiguredAuditPolicy(Map.of()).required()).isFalse();
        assertThat(new ConfiguredAuditPolicy(null).required()).isFalse();
    }

    @Test
    void requiredIsReadAsABooleanOrItsTextAndChangesLive() {
        ConfiguredAuditPolicy policy = new ConfiguredAuditPolicy(Map.of("required", "true"));
        assertThat(policy.required()).isTrue();

        policy.modified(Map.of("required", false));
        assertThat(policy.required()).isFalse();

        policy.modified(Map.of("required", Boolean.TRUE));
        assertThat(policy.required()).isTrue();
    }

    @Test
    void anUnreadableValueCountsAsNotRequired() {
        assertThat(new ConfiguredAuditPolicy(Map.of("required", "yes please")).required()).isFalse();
    }
}
